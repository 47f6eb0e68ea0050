package com.cqc.scheduler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    private static final String FROM = "2026-11-29T00:00:00Z";

    @Test
    void theDevTableReadsLikeAPreviewAgainstAnEmptyStack() {
        CliRun run = CliRun.of("plan", "--stack", "dev", "--from", FROM);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Previewing stack dev (project cqc-ml-dev, region europe-west2) against an empty stack:"
                        + " nothing is deployed, so every resource is a create.\n")
                .contains("pass --state FILE (the output of `pulumi stack export`)")
                .containsPattern("\n     Type +Name +Plan +Info\n \\+   pulumi:pulumi:Stack +cqc-scheduler-dev +create\n")
                .containsPattern(" \\+   ├─ cqc:scheduler:ScheduledPipeline +weekly-model-training +create +http job, paused\n")
                .containsPattern(" \\+   │  └─ gcp:cloudscheduler:Job +weekly-model-training-job +create +paused  \\[delete before replace\\]\n")
                .contains("role: roles/run.invoker, member: serviceAccount:sch-weekly-model-training@cqc-ml-dev.iam.gserviceaccount.com")
                .contains("schedule: \"34 3 * * *\" (declared \"H(10-50) 3 * * *\"), timeZone: Etc/UTC")
                .contains("headers: {Content-Type: application/json}, body: {model: cqc-classifier, version: auto}")
                .contains("data: {date: today, source: cqc-api}")  // keys sorted, as the engine hands them over (P16)
                .contains("retryConfig: {minBackoffDuration: 30s, retryCount: 1, maxBackoffDuration: 3600s")
                .contains("attemptDeadline: none (Pub/Sub target)")
                .contains("Tue 2026-12-01 09:00 +00:00 = 09:00 UTC")
                .contains("Thu 2027-04-01 09:00 +01:00 = 08:00 UTC")
                .contains("next runs (UTC): Sun 2026-11-29 02:00, Mon 2026-11-30 02:00,")
                .doesNotContain("{Content-Type=").doesNotContain("=application/json")
                .endsWith("\nResources:\n    + 44 to create\n\nPipelines: 10 (3 paused). No warnings.\n");
    }

    @Test
    void pausedJobsListNoNextRunsAndEveryOtherJobListsAsManyAsAsked() {
        String out = CliRun.of("plan", "--stack", "dev", "--from", FROM, "--runs", "2").out();

        // weekly-model-training, dataflow-launch and daily-backup are paused in dev
        assertThat(out.split("next runs: none while paused", -1)).hasSize(4);
        assertThat(out).contains("next runs (UTC): Sun 2026-11-29 02:00, Mon 2026-11-30 02:00\n")
                .doesNotContain("Tue 2026-12-01 02:00");
        assertThat(CliRun.of("plan", "--stack", "dev", "--runs", "-1").err()).contains("--runs -1 is outside 0..1000");
    }

    @Test
    void theTableShowsAlertingInShortTypes() {
        String out = CliRun.of("plan", "--stack", "prod", "--from", FROM).out();

        assertThat(out).containsPattern("gcp:monitoring:AlertPolicy +failure-alerting-policy +create")
                .contains("notificationChannels: [projects/cqc-ml-prod/notificationChannels/1000000000000000001,")
                .contains("[protect]")
                .doesNotContain("gcp:cloudscheduler/job:Job")
                .endsWith("Resources:\n    + 47 to create\n\nPipelines: 10 (0 paused). No warnings.\n");
    }

    @Test
    void jsonNumbersKeepTheirSchemaType() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(CliRun.of("plan", "--stack", "prod", "--format", "json").out());
        List<JsonNode> retries = new ArrayList<>();
        JsonNode threshold = null;
        for (JsonNode r : plan.get("resources")) {
            if (r.get("props").has("retryConfig")) {
                retries.add(r.get("props").get("retryConfig"));
            }
            if (r.get("type").asText().equals("gcp:monitoring/alertPolicy:AlertPolicy")) {
                threshold = r.get("props").get("conditions").get(0).get("conditionThreshold");
            }
        }

        assertThat(retries).hasSize(10).allSatisfy(retry -> {
            assertThat(retry.get("retryCount").isIntegralNumber()).isTrue();
            assertThat(retry.get("maxDoublings").isIntegralNumber()).isTrue();
        });
        assertThat(threshold.get("trigger").get("count").isIntegralNumber()).isTrue();
        assertThat(threshold.get("thresholdValue").isFloatingPointNumber()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theJsonFollowsTheDocumentedSchema(String stack) throws Exception {
        CliRun run = CliRun.of("plan", "--stack", stack, "--format", "json", "--from", FROM);
        JsonNode plan = new ObjectMapper().readTree(run.out());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("docs/plan.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }

        Set<ValidationMessage> errors = schema.validate(plan);

        assertThat(errors).isEmpty();
        assertThat(plan.get("stack").asText()).isEqualTo(stack);
        // 10 pipelines (28 resources + 10 components), 5 APIs; staging and prod add alerting (an e-mail channel,
        // the policy + 1 component; no log-based metric, P14).
        assertThat(plan.get("resources")).hasSize(stack.equals("dev") ? 43 : 46);
        assertThat(plan.get("pipelines")).hasSize(10);
        for (JsonNode r : plan.get("resources")) {
            if (r.get("type").asText().equals("gcp:cloudscheduler/job:Job")) {
                // P13: the policy pack sees which job leaves its deadline to the provider.
                assertThat(r.at("/options/ignoreChanges").toString()).as(r.get("name").asText())
                        .isEqualTo(r.at("/props/pubsubTarget").isMissingNode() ? "[]" : "[\"attemptDeadline\"]");
            }
        }
        JsonNode dataflow = plan.get("pipelines").get(6);
        assertThat(dataflow.get("id").asText()).isEqualTo("dataflow-launch");
        assertThat(dataflow.get("declaredSchedule").asText()).isEqualTo("H(10-50) 3 * * *");
        assertThat(dataflow.get("schedule").asText()).isEqualTo("34 3 * * *");
        assertThat(dataflow.get("nextRuns").get(0).get("utc").asText()).isEqualTo("2026-11-29T03:34:00Z");
    }

    @Test
    void theJsonCarriesPropsOptionsAndParentsForThePolicyPack() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(CliRun.of("plan", "--stack", "prod", "--format", "json").out());
        List<JsonNode> topics = new ArrayList<>();
        plan.get("resources").forEach(r -> {
            if (r.get("type").asText().equals("gcp:pubsub/topic:Topic")) {
                topics.add(r);
            }
        });

        assertThat(topics).hasSize(3).allSatisfy(t -> {
            assertThat(t.get("options").get("protect").asBoolean()).isTrue();
            assertThat(t.get("parent").asText()).startsWith("urn:pulumi:prod::cqc-scheduler::cqc:scheduler:ScheduledPipeline::");
            assertThat(t.get("props").get("labels").get("environment").asText()).isEqualTo("prod");
        });
    }
}
