package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.StackSettings;
import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.AlertPolicyArgs;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.gcp.monitoring.NotificationChannelArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyAlertStrategyArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdTriggerArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyDocumentationArgs;
import com.pulumi.gcp.monitoring.inputs.NotificationChannelSensitiveLabelsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failure alerting of one stack: an alert policy on the failed Cloud Scheduler attempts of each job that
 * notifies the stack's channels.
 *
 * <p>It counts on Logging's system metric {@code logging.googleapis.com/log_entry_count}, not on a
 * user-defined log-based metric: an alert policy created right after a new log-based metric fails with 404
 * "Cannot find metric(s)" for up to ten minutes (P14, hashicorp/terraform-provider-google#11102), so the
 * first {@code up} of a stack would fail. System log-based metrics are predefined by Logging, free and
 * available in every project ("Log-based metrics overview", https://cloud.google.com/logging/docs/logs-based-metrics,
 * section "System-defined metrics"): nothing to create, nothing to wait for. Their list, with each metric's
 * labels ({@code log}, {@code severity}) and monitored resources, is "Google Cloud metrics: logging",
 * https://cloud.google.com/monitoring/api/metrics_gcp#gcp-logging. Cloud Scheduler writes its execution
 * logs on the {@code cloud_scheduler_job} resource (labelled with {@code job_id}) and logs a failed attempt
 * (its AttemptFinished entry) at ERROR, so the ERROR entries of a job are its failed attempts, retries
 * included.
 */
public final class FailureAlerting extends ComponentResource {
    public static final String TYPE = "cqc:scheduler:FailureAlerting";
    /** Failed attempts per job: the ERROR log entries on the cloud_scheduler_job resource. */
    public static final String FAILED_ATTEMPTS = "metric.type=\"logging.googleapis.com/log_entry_count\""
            + " AND resource.type=\"cloud_scheduler_job\" AND metric.label.severity=\"ERROR\"";

    public FailureAlerting(String name, StackSettings stack, SecretSource secrets, ProjectApis apis,
                           ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        Alerting alerting = stack.alerting();
        // Children do not inherit a component's dependsOn: each waits for the API it calls. The policy reads
        // a metric of the Logging API.
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this)
                .dependsOn(apis.api(ProjectApis.MONITORING)).build();
        CustomResourceOptions policyOptions = CustomResourceOptions.builder().parent(this)
                .dependsOn(apis.api(ProjectApis.MONITORING), apis.api(ProjectApis.LOGGING)).build();

        List<Output<String>> channels = new ArrayList<>();
        alerting.channels().forEach(c -> channels.add(Output.of(c)));
        for (String email : alerting.emails()) {
            channels.add(new NotificationChannel(name + "-email-" + email.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                    NotificationChannelArgs.builder()
                            .project(stack.project())
                            .type("email")
                            .displayName("CQC scheduler alerts (" + stack.environment() + "): " + email)
                            .labels(Map.of("email_address", email))
                            .build(), child).name());
        }
        alerting.slackChannel().ifPresent(slack -> channels.add(new NotificationChannel(name + "-slack",
                NotificationChannelArgs.builder()
                        .project(stack.project())
                        .type("slack")
                        .displayName("CQC scheduler alerts (" + stack.environment() + "): " + slack)
                        .labels(Map.of("channel_name", slack))
                        .sensitiveLabels(NotificationChannelSensitiveLabelsArgs.builder()
                                .authToken(secrets.secret(Alerting.SLACK_TOKEN_KEY)).build())
                        .build(), child).name()));

        String window = Durations.toApi(alerting.window());
        new AlertPolicy(name + "-policy", AlertPolicyArgs.builder()
                .project(stack.project())
                .displayName("Cloud Scheduler job failures (" + stack.environment() + ")")
                .combiner("OR")
                .conditions(AlertPolicyConditionArgs.builder()
                        .displayName("A job failed at least " + alerting.failedAttempts() + " attempt(s) in " + window)
                        .conditionThreshold(AlertPolicyConditionConditionThresholdArgs.builder()
                                .filter(FAILED_ATTEMPTS)
                                .comparison("COMPARISON_GT")
                                .thresholdValue(alerting.failedAttempts() - 1.0)
                                .duration("0s")
                                .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                                        .alignmentPeriod(window)
                                        .perSeriesAligner("ALIGN_SUM")
                                        .crossSeriesReducer("REDUCE_SUM")
                                        .groupByFields("resource.label.job_id")
                                        .build())
                                .trigger(AlertPolicyConditionConditionThresholdTriggerArgs.builder().count(1).build())
                                .build())
                        .build())
                .notificationChannels(Output.all(channels))
                .alertStrategy(AlertPolicyAlertStrategyArgs.builder().autoClose("1800s").build())
                .documentation(AlertPolicyDocumentationArgs.builder()
                        .mimeType("text/markdown")
                        .content("A Cloud Scheduler job of the " + stack.environment() + " stack keeps failing."
                                + " The incident names the job (resource.label.job_id). Runbook: docs/operations.md,"
                                + " 'Read the failure alerts'.")
                        .build())
                .userLabels(Map.of("environment", stack.environment(), "managed-by", "pulumi"))
                .build(), policyOptions);
        registerOutputs(Map.of());
    }
}
