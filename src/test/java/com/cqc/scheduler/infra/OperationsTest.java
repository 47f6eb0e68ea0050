package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.OfflineEngine;
import com.cqc.scheduler.offline.PlannedResource;
import com.cqc.scheduler.offline.ProviderEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.cqc.scheduler.infra.ProgramRun.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failure alerting, API enablement, renames and secrets, per stack. */
class OperationsTest {
    private static final String METRIC = "gcp:logging/metric:Metric";
    private static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    private static final String CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
    private static final String SERVICE = "gcp:projects/service:Service";

    @Test
    void devDoesNotAlert() {
        ProgramRun dev = ProgramRun.of("dev", new ProviderEmulator());

        assertThat(dev.ofType(METRIC)).isEmpty();
        assertThat(dev.ofType(POLICY)).isEmpty();
        assertThat(dev.ofType(CHANNEL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void stagingAndProdAlertOnEachJobsFailedAttemptsThroughABuiltInMetric(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        // P14: no user-defined log-based metric, whose first minutes would fail the policy's creation.
        assertThat(run.ofType(METRIC)).isEmpty();
        PlannedResource policy = run.get(POLICY, "failure-alerting-policy");
        Map<String, Object> threshold = ProgramRun.map(ProgramRun.map(((List<?>) at(policy, "conditions")).get(0)).get("conditionThreshold"));
        Map<String, Object> aggregation = ProgramRun.map(((List<?>) threshold.get("aggregations")).get(0));
        assertThat(policy.parentUrn()).isEqualTo("urn:pulumi:" + stack + "::cqc-scheduler::cqc:scheduler:FailureAlerting::failure-alerting");
        assertThat(threshold.get("filter")).isEqualTo("metric.type=\"logging.googleapis.com/log_entry_count\""
                + " AND resource.type=\"cloud_scheduler_job\" AND metric.label.severity=\"ERROR\"");
        assertThat(threshold.get("comparison")).isEqualTo("COMPARISON_GT");
        assertThat(aggregation.get("groupByFields")).isEqualTo(List.of("resource.label.job_id"));
        assertThat(aggregation.get("perSeriesAligner")).isEqualTo("ALIGN_SUM");
        String project = "projects/cqc-ml-" + stack + "/notificationChannels/";
        if (stack.equals("staging")) {
            // failedAttempts 2 within 15m: more than 1 failed attempt in a 900s window.
            assertThat(((Number) threshold.get("thresholdValue")).doubleValue()).isEqualTo(1.0);
            assertThat(aggregation.get("alignmentPeriod")).isEqualTo("900s");
            assertThat(at(policy, "notificationChannels")).isEqualTo(List.of(project + "(known after apply)"));
            assertThat(at(run.get(CHANNEL, "failure-alerting-email-cqc-ml-staging-alerts-cqc-example"), "labels"))
                    .isEqualTo(Map.of("email_address", "cqc-ml-staging-alerts@cqc.example"));
        } else {
            assertThat(((Number) threshold.get("thresholdValue")).doubleValue()).isEqualTo(0.0);
            assertThat(aggregation.get("alignmentPeriod")).isEqualTo("300s");
            assertThat(at(policy, "notificationChannels")).isEqualTo(List.of(
                    project + "1000000000000000001", project + "(known after apply)"));
            assertThat(at(run.get(CHANNEL, "failure-alerting-email-cqc-ml-alerts-cqc-example"), "type")).isEqualTo("email");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theApisAreEnabledAndNeverDisabledOnDestroy(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        assertThat(run.ofType(SERVICE)).extracting(r -> at(r, "service")).containsExactly("cloudscheduler.googleapis.com",
                "pubsub.googleapis.com", "iam.googleapis.com", "monitoring.googleapis.com", "logging.googleapis.com");
        assertThat(run.ofType(SERVICE)).allSatisfy(s -> {
            assertThat(at(s, "disableOnDestroy")).isEqualTo(false);
            assertThat(at(s, "disableDependentServices")).isEqualTo(false);
            assertThat(at(s, "project")).isEqualTo("cqc-ml-" + stack);
            assertThat(s.options().retainOnDelete()).isTrue();
        });
    }

    private static List<PlannedResource> plan(String catalog, String stack) throws ConfigException {
        StackModel model = new StackLoader(Instant.parse("2026-11-29T00:00:00Z"))
                .load(catalog, "pipelines.yaml", StackFile.parse("prod", "Pulumi.prod.yaml", StackLoader.PROJECT, stack));
        return OfflineEngine.plan(model);
    }

    private static final String PROD = """
            config:
              gcp:project: cqc-ml-prod
              cqc-scheduler:projectNumber: "100000000003"
            """;

    @Test
    void renamingAPipelineKeepsItsResourcesThroughAliases() throws Exception {
        List<PlannedResource> plan = plan("""
                pipelines:
                  nightly-backup:
                    formerIds: [daily-backup]
                    serviceAccount: sch-daily-backup
                    schedule: "0 3 * * *"
                    http:
                      url: https://backup-100000000003.europe-west2.run.app/backup
                      auth: oidc
                      invoker: {cloudRunService: backup}
                """, PROD);
        String old = "urn:pulumi:prod::cqc-scheduler::cqc:scheduler:ScheduledPipeline";

        assertThat(plan).filteredOn(r -> r.name().equals("nightly-backup")).singleElement()
                .satisfies(c -> assertThat(c.options().aliases()).containsExactly(old + "::daily-backup"));
        assertThat(plan).filteredOn(r -> r.name().equals("nightly-backup-invoker")).singleElement().satisfies(sa -> {
            // The gcp SDK itself aliases the account's legacy type token gcp:serviceAccount/account:Account.
            assertThat(sa.options().aliases()).containsExactly("type=gcp:serviceAccount/account:Account",
                    old + "$gcp:serviceaccount/account:Account::daily-backup-invoker");
            assertThat(at(sa, "accountId")).isEqualTo("sch-daily-backup");
        });
        assertThat(plan).filteredOn(r -> r.name().equals("nightly-backup-job")).singleElement()
                .satisfies(j -> assertThat(j.options().aliases()).containsExactly(old + "$gcp:cloudscheduler/job:Job::daily-backup-job"));
        assertThat(plan).filteredOn(r -> r.name().equals("nightly-backup-run-invoker")).singleElement()
                .satisfies(g -> assertThat(g.options().aliases())
                        .containsExactly(old + "$gcp:cloudrunv2/serviceIamMember:ServiceIamMember::daily-backup-run-invoker"));
    }

    @Test
    void aSlackTokenIsASecretEndToEnd() throws Exception {
        List<PlannedResource> plan = plan("pipelines:\n  p: {schedule: \"0 3 * * *\", pubsub: {topic: things, data: x}}\n", PROD + """
                  cqc-scheduler:alerting: {slackChannel: "#cqc-alerts"}
                  cqc-scheduler:slackAuthToken:
                    secure: v1:ZmFrZS1jaXBoZXJ0ZXh0
                """);

        PlannedResource slack = plan.stream().filter(r -> r.name().equals("failure-alerting-slack")).findFirst().orElseThrow();
        assertThat(at(slack, "sensitiveLabels.authToken")).isEqualTo("[secret]");
        assertThat(at(slack, "labels")).isEqualTo(Map.of("channel_name", "#cqc-alerts"));
    }

    @Test
    void aPlainTextOrMissingSlackTokenIsRefusedWithoutEchoingIt() {
        String catalog = "pipelines:\n  p: {schedule: \"0 3 * * *\", pubsub: {topic: things, data: x}}\n";
        assertThatThrownBy(() -> plan(catalog, PROD + """
                  cqc-scheduler:alerting: {slackChannel: "#cqc-alerts"}
                  cqc-scheduler:slackAuthToken: xoxb-plain-text-token
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cqc-scheduler:slackAuthToken: is stored in plain text in Pulumi.prod.yaml;"
                        + " set it again with pulumi config set --secret cqc-scheduler:slackAuthToken")
                .hasMessageNotContaining("xoxb");
        assertThatThrownBy(() -> plan(catalog, PROD + "  cqc-scheduler:alerting: {slackChannel: \"#cqc-alerts\"}\n"))
                .hasMessageContaining("cqc-scheduler:slackAuthToken: is missing");
        assertThatThrownBy(() -> plan(catalog, PROD + "  cqc-scheduler:alerting: {enabled: true}\n"))
                .hasMessageContaining("cqc-scheduler:alerting: alerting is enabled but has nowhere to send alerts");
        assertThatThrownBy(() -> plan(catalog, PROD + "  cqc-scheduler:alerting: {emails: [ops], window: 90s}\n"))
                .hasMessageContaining("cqc-scheduler:alerting.emails: 'ops' is not an e-mail address")
                .hasMessageContaining("cqc-scheduler:alerting.window: '90s' must be whole minutes within 1m..1d");
    }

    @Test
    void pulumiNamesTheSecretKeysInItsEnvironment() {
        assertThat(PulumiConfigSource.secretKeys("[\"cqc-scheduler:slackAuthToken\",\"gcp:x\"]"))
                .containsExactly("cqc-scheduler:slackAuthToken", "gcp:x");
        assertThat(PulumiConfigSource.secretKeys(null)).isEmpty();
    }
}
