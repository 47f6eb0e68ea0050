package com.cqc.scheduler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan --state FILE}: the operations against a {@code pulumi stack export}, field by field. */
class PlanAgainstStateTest {
    @TempDir
    Path tmp;

    private CliRun plan(String stack, Path state, String... more) {
        String[] args = {"plan", "--stack", stack, "--state", state.toString(), "--from", "2026-11-29"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    private Map<String, String> operations(String stack, Path state) throws Exception {
        JsonNode json = new ObjectMapper().readTree(plan(stack, state, "--format", "json").out());
        Map<String, String> out = new LinkedHashMap<>();
        json.get("operations").forEach(o -> out.put(o.get("urn").asText().replaceAll(".*::", ""), o.get("op").asText()));
        return out;
    }

    @Test
    void theStateOfTheSamePlanChangesNothing() throws Exception {
        Path state = StackExports.write(StackExports.deployed("prod"), tmp.resolve("prod.json"), e -> {});

        CliRun run = plan("prod", state);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("against the deployed state in " + state)
                .endsWith("Resources:\n    47 unchanged\n\nPipelines: 10 (0 paused). No warnings.\n")
                .doesNotContain(" create ").doesNotContain("[diff:");
        assertThat(operations("prod", state).values()).containsOnly("same").hasSize(46);
    }

    @Test
    void eachKindOfChangeIsListedFieldByFieldWithTheOperationTheProviderWouldTake() throws Exception {
        ObjectNode export = StackExports.deployed("prod");
        Path state = StackExports.write(export, tmp.resolve("prod.json"), e -> {
            StackExports.inputs(e, "daily-backup-job").put("schedule", "0 4 * * *");                  // update
            ((ObjectNode) StackExports.inputs(e, "daily-backup-job").get("retryConfig")).put("retryCount", 2.0);
            StackExports.inputs(e, "bigquery-etl-job").put("region", "europe-west1");                 // replace
            StackExports.inputs(e, "bigquery-etl-topic").put("name", "bq-trigger");                    // replace
            StackExports.inputs(e, "monthly-reports-invoker").put("accountId", "reports-caller");      // replace
            StackExports.inputs(e, "function-trigger-invoker").put("displayName", "old name");         // update
            StackExports.inputs(e, "cloudrun-trigger-run-invoker").put("location", "europe-west1");    // IAM: replace
            StackExports.remove(e, "data-quality-check-publisher");                                    // create
            ObjectNode stray = e.withArray("/deployment/resources").addObject();                       // delete
            stray.put("urn", "urn:pulumi:prod::cqc-scheduler::gcp:pubsub/topic:Topic::old-topic")
                    .put("type", "gcp:pubsub/topic:Topic").put("custom", true).put("protect", true)
                    .put("parent", "urn:pulumi:prod::cqc-scheduler::pulumi:pulumi:Stack::cqc-scheduler-prod")
                    .putObject("inputs").put("name", "old").put("project", "cqc-ml-prod");
        });

        Map<String, String> ops = operations("prod", state);
        CliRun run = plan("prod", state);

        assertThat(ops).containsEntry("daily-backup-job", "update").containsEntry("bigquery-etl-job", "replace")
                .containsEntry("bigquery-etl-topic", "replace").containsEntry("monthly-reports-invoker", "replace")
                .containsEntry("function-trigger-invoker", "update").containsEntry("cloudrun-trigger-run-invoker", "replace")
                .containsEntry("data-quality-check-publisher", "create").containsEntry("old-topic", "delete")
                .containsEntry("weekly-model-training-job", "same");
        assertThat(ops.values().stream().filter(op -> !op.equals("same"))).hasSize(8);
        assertThat(run.out())
                .contains(" ~   │  └─ gcp:cloudscheduler:Job")
                .contains("~ schedule: \"0 4 * * *\" => \"0 3 * * *\"")
                .contains("~ retryConfig.retryCount: 2 => 5\n")
                .contains("~ region: europe-west1 => europe-west2  (forces replacement)")
                .contains("~ name: bq-trigger => bigquery-etl-trigger  (forces replacement)")
                .containsPattern("bigquery-etl-topic +replace +\\[diff: ~name\\]  \\[protect\\]  \\[retain on delete\\]  protected: the replace fails")
                .contains("~ accountId: reports-caller => sch-monthly-reports  (forces replacement)")
                .contains("~ displayName: old name => \"Cloud Scheduler invoker: function-trigger\"\n")
                .contains("~ location: europe-west1 => europe-west2  (forces replacement)")
                .containsPattern(" -   └─ gcp:pubsub:Topic +old-topic +delete +protected: the delete fails until it is unprotected")
                .contains("Resources:\n    + 1 to create\n    ~ 2 to update\n    - 1 to delete\n    +-4 to replace\n"
                        + "    8 changes. 40 unchanged\n");
    }

    @Test
    void protectionChangesAreShownWithoutAnOperation() throws Exception {
        Path state = StackExports.write(StackExports.deployed("prod"), tmp.resolve("prod.json"),
                e -> StackExports.resource(e, "daily-data-ingestion-topic").remove("protect"));

        assertThat(operations("prod", state)).containsEntry("daily-data-ingestion-topic", "same");
        assertThat(plan("prod", state).out()).containsPattern("gcp:pubsub:Topic +daily-data-ingestion-topic +protect: false => true");
    }

    @Test
    void aPausedJobInTheStateThatTheCodeResumesIsAnUpdateOfPaused() throws Exception {
        Path state = StackExports.write(StackExports.deployed("dev"), tmp.resolve("dev.json"),
                e -> StackExports.inputs(e, "monthly-reports-job").put("paused", true));

        assertThat(plan("dev", state).out()).contains("~ paused: true => false");
    }

    @Test
    void aBadStateFileIsAUsageErrorThatSaysWhatIsExpected() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("a.json"), "{nope");
        Path oldVersion = Files.writeString(tmp.resolve("b.json"), "{\"version\": 2, \"deployment\": {\"resources\": []}}");
        Path otherStack = StackExports.write(StackExports.deployed("staging"), tmp.resolve("c.json"), e -> {});

        assertThat(plan("dev", notJson).err()).contains("--state " + notJson + ": not JSON").contains("pulumi stack export");
        assertThat(plan("dev", oldVersion).err()).contains("deployment version 2 is not supported");
        assertThat(plan("dev", otherStack).err()).contains("is an export of stack 'staging', not of 'dev'");
        assertThat(plan("dev", tmp.resolve("missing.json")).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan("dev", notJson).err()).doesNotContain("Exception");
    }
}
