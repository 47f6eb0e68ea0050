package com.cqc.scheduler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan --state} against the real engine: the same {@code pulumi stack export}, and what
 * {@code pulumi preview --json} (bin/sandbox: the Pulumi CLI with the emulated gcp provider) said about
 * it, recorded in src/test/resources/state (see its README). Resource by resource, the operation must
 * be the engine's, and the fields the engine names as the reason must be the ones listed.
 */
class PlanAgainstEngineTest {
    private static final Path STATE = Path.of("src/test/resources/state");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The edits behind dev-preview-changed.json: file, text, replacement. */
    static final List<String[]> CHANGES = List.of(
            new String[] {"pipelines.yaml", "topic: bigquery-etl-trigger", "topic: bigquery-etl-start"},
            new String[] {"pipelines.yaml", "  monthly-reports:\n    description:", "  monthly-reports:\n    serviceAccount: sch-reports-caller\n    description:"},
            new String[] {"pipelines.yaml", "description: Trigger the CQC nightly Cloud Function (gen2).", "description: Trigger the nightly Cloud Function."},
            new String[] {"Pulumi.dev.yaml", "    enabled: false          # dev experiments fail often; nobody is paged for them",
                    "    failedAttempts: 2\n    window: 15m\n    emails: [dev-alerts@cqc.example]"},
            new String[] {"Pulumi.dev.yaml", "      paused: true\n      retry: {count: 1}",
                    "      paused: true\n      retry: {count: 1}\n      schedule: \"15 4 * * *\"\n    cloudrun-trigger:\n      enabled: false"});

    @TempDir
    Path project;

    /** The engine's operation per URN; a replacement's steps count as one replace, the providers are left out. */
    private static Map<String, String> engine(String recording) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode step : JSON.readTree(STATE.resolve(recording).toFile()).get("steps")) {
            String urn = step.get("urn").asText();
            String op = step.get("op").asText();
            if (!urn.contains("::pulumi:providers:") && !urn.contains("::pulumi:pulumi:Stack::")) {
                out.put(urn, op.equals("create-replacement") || op.equals("delete-replaced") ? "replace" : op);
            }
        }
        return out;
    }

    /** The engine's reasons per URN, as top-level fields. */
    private static Map<String, Set<String>> engineReasons(String recording) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode step : JSON.readTree(STATE.resolve(recording).toFile()).get("steps")) {
            Set<String> fields = new TreeSet<>();
            for (String key : new String[] {"diffReasons", "replaceReasons"}) {
                step.path(key).forEach(r -> fields.add(r.asText().split("[.\\[]")[0]));
            }
            if (!fields.isEmpty()) {
                out.merge(step.get("urn").asText(), fields, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        return out;
    }

    private JsonNode plan() throws Exception {
        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--stack", "dev", "--format", "json",
                "--state", STATE.resolve("dev-export.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static Map<String, String> operations(JsonNode plan) {
        Map<String, String> out = new TreeMap<>();
        plan.get("operations").forEach(o -> {
            if (!o.get("op").asText().equals("same")) {
                out.put(o.get("urn").asText(), o.get("op").asText());
            }
        });
        return out;
    }

    private static Map<String, Set<String>> reasons(JsonNode plan) {
        Map<String, Set<String>> out = new TreeMap<>();
        plan.get("operations").forEach(o -> {
            Set<String> fields = new TreeSet<>();
            o.get("changes").forEach(c -> fields.add(c.get("field").asText()));
            if (!fields.isEmpty()) {
                out.put(o.get("urn").asText(), fields);
            }
        });
        return out;
    }

    private void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void unchangedCodeGivesTheEnginesOperationsOnItsOwnState() throws Exception {
        copyProject();

        JsonNode plan = plan();

        assertThat(operations(plan)).isEqualTo(engine("dev-preview-unchanged.json")).hasSize(3).containsValue("update");
        assertThat(reasons(plan)).isEqualTo(engineReasons("dev-preview-unchanged.json"));
    }

    @Test
    void everyKindOfChangeGivesTheEnginesOperationResourceByResource() throws Exception {
        copyProject();
        for (String[] change : CHANGES) {
            Path file = project.resolve(change[0]);
            String text = Files.readString(file);
            assertThat(text).as("the recorded edit still applies to " + change[0]).contains(change[1]);
            Files.writeString(file, text.replace(change[1], change[2]));
        }

        JsonNode plan = plan();
        Map<String, String> engine = engine("dev-preview-changed.json");

        assertThat(operations(plan)).isEqualTo(engine);
        assertThat(reasons(plan)).isEqualTo(engineReasons("dev-preview-changed.json"));
        Map<String, Long> kinds = new LinkedHashMap<>();
        engine.values().forEach(op -> kinds.merge(op, 1L, Long::sum));
        assertThat(kinds).containsEntry("create", 4L).containsEntry("update", 6L).containsEntry("replace", 4L)
                .containsEntry("delete", 4L);
    }
}
