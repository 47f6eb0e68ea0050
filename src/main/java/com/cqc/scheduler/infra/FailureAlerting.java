package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.StackSettings;
import com.pulumi.core.Output;
import com.pulumi.gcp.logging.Metric;
import com.pulumi.gcp.logging.MetricArgs;
import com.pulumi.gcp.logging.inputs.MetricMetricDescriptorArgs;
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
 * Failure alerting of one stack: a log-based metric counting failed Cloud Scheduler attempts per job,
 * and an alert policy on it that notifies the stack's channels.
 */
public final class FailureAlerting extends ComponentResource {
    public static final String TYPE = "cqc:scheduler:FailureAlerting";
    public static final String METRIC = "cqc_scheduler_failed_attempts";
    /** Cloud Scheduler logs one AttemptFinished entry per attempt; a failed attempt is logged at ERROR. */
    public static final String FAILED_ATTEMPTS_FILTER = "resource.type=\"cloud_scheduler_job\""
            + " AND jsonPayload.@type=\"type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished\""
            + " AND severity>=ERROR";

    public FailureAlerting(String name, StackSettings stack, SecretSource secrets, ProjectApis apis,
                           ComponentResourceOptions opts) {
        super(TYPE, name, null, opts);
        Alerting alerting = stack.alerting();
        // Children do not inherit a component's dependsOn: each waits for the API it calls.
        CustomResourceOptions logging = CustomResourceOptions.builder().parent(this)
                .dependsOn(apis.api(ProjectApis.LOGGING)).build();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this)
                .dependsOn(apis.api(ProjectApis.MONITORING)).build();

        Metric metric = new Metric(name + "-metric", MetricArgs.builder()
                .project(stack.project())
                .name(METRIC)
                .description("Failed Cloud Scheduler attempts, per job (" + stack.environment() + ").")
                .filter(FAILED_ATTEMPTS_FILTER)
                .metricDescriptor(MetricMetricDescriptorArgs.builder().metricKind("DELTA").valueType("INT64").unit("1").build())
                .build(), logging);

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
                                .filter(metric.name().applyValue(m -> "metric.type=\"logging.googleapis.com/user/" + m
                                        + "\" AND resource.type=\"cloud_scheduler_job\""))
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
                .build(), child);
        registerOutputs(Map.of("metric", metric.name()));
    }
}
