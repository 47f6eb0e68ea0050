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
    void theDevTableShowsEachPipelineItsResourcesAndWhenItFires() {
        CliRun run = CliRun.of("plan", "--stack", "dev", "--from", FROM);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Plan for stack dev: project cqc-ml-dev, region europe-west2, 10 pipelines, 33 cloud resources (+10 components)")
                .contains("weekly-model-training  [http, PAUSED]")
                .contains("daily-data-ingestion  [pubsub, enabled]")
                .contains("grant:     roles/run.invoker to serviceAccount:sch-weekly-model-training@cqc-ml-dev.iam.gserviceaccount.com on service ml-training (europe-west2)")
                .contains("schedule:  \"34 3 * * *\" Etc/UTC")
                .contains("body:      {\"model\":\"cqc-classifier\",\"version\":\"auto\"}")
                .contains("deadline:  not sent (Pub/Sub target)")
                .contains("state:     (known after apply)")
                .contains("Tue 2026-12-01 09:00 +00:00 | Tue 2026-12-01 09:00 UTC")
                .contains("Thu 2027-04-01 09:00 +01:00 | Thu 2027-04-01 08:00 UTC")
                .contains("No warnings.");
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
