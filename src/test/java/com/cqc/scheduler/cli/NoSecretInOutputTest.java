package com.cqc.scheduler.cli;

import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No credential ever reaches stdout, stderr, the plan JSON or a written file, through any command. */
class NoSecretInOutputTest {
    /** Credential-shaped values of several kinds: Google API key, OAuth token, GitHub token, JWT, a random key. */
    private static final List<String> SECRETS = List.of(
            "AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK",
            "ya29.a0AfB_byC7xYz1234567890abcdefGHIJ",
            "ghp_1234567890abcdefghijABCDEFGHIJ123456",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ",
            "q8Xz2LmN4pR7tV9wY1bC3dF5gH",
            "hunter2-correct-horse");
    private static final List<String> CREDENTIAL_HEADERS = List.of("X-Goog-Api-Key", "X-Api-Key", "Api-Key",
            "X-Service-Token", "Authorization", "Proxy-Authorization", "X_Auth_Token", "Cookie", "X-Client-Secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;
    private final List<String> outputs = new ArrayList<>();
    /** The files a test writes credentials into; every other file of the project is output. */
    private final Set<String> inputs = new HashSet<>(Set.of("pipelines.yaml", "jobs.json"));

    private void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Puts headers into weekly-model-training, right under its http: key. */
    private void headers(String yamlMap) throws Exception {
        Path catalog = project.resolve("pipelines.yaml");
        String text = Files.readString(catalog);
        String anchor = "      url: https://ml-training-${projectNumber}.${region}.run.app/train\n";
        assertThat(text).contains(anchor);
        Files.writeString(catalog, text.replace(anchor, anchor + "      headers: " + yamlMap + "\n"));
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", project.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        outputs.add(run.out());
        outputs.add(run.err());
        return run;
    }

    private void everyCommand() throws Exception {
        run("validate", "--all");
        run("plan", "--stack", "dev");
        run("plan", "--stack", "prod", "--format", "json");
        run("diff", "--from", "dev", "--to", "prod");
        run("next-runs", "--stack", "dev");
        Path svg = project.resolve("week.svg");
        run("timeline", "--stack", "dev", "--out", svg.toString());
        if (Files.exists(svg)) {
            outputs.add(Files.readString(svg));
        }
    }

    private void assertNoSecretAnywhere() throws Exception {
        try (Stream<Path> files = Files.list(project)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!inputs.contains(f.getFileName().toString())) {
                    outputs.add(Files.readString(f));
                }
            }
        }
        for (String secret : SECRETS) {
            assertThat(outputs).as("outputs").noneMatch(o -> Readable.of(o).contains(secret));
        }
    }

    @Test
    void credentialHeadersAreRefusedWithoutRepeatingTheirValues() throws Exception {
        copyProject();
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < CREDENTIAL_HEADERS.size(); i++) {
            map.append(i == 0 ? "" : ", ").append(CREDENTIAL_HEADERS.get(i)).append(": '")
                    .append(i == 4 ? "Bearer " : "").append(SECRETS.get(i % SECRETS.size())).append("'");
        }
        headers(map.append("}").toString());

        everyCommand();

        CliRun validate = run("validate", "--stack", "dev");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        for (String name : CREDENTIAL_HEADERS) {
            assertThat(validate.out()).contains("error: pipelines.weekly-model-training.http.headers." + name
                    + ": '" + name + "' carries a credential");
        }
        assertNoSecretAnywhere();
    }

    @Test
    void aCredentialValueUnderAnInnocentNameIsRefusedAndARandomOneMasked() throws Exception {
        copyProject();
        headers("{X-Trace: 'Bearer " + SECRETS.get(1) + "', X-Build: " + SECRETS.get(4) + "}");

        CliRun validate = run("validate", "--stack", "dev");
        assertThat(validate.out()).contains("error: pipelines.weekly-model-training.http.headers.X-Trace: the value looks"
                + " like an Authorization credential (Bearer, Basic, Token or Digest) ('[masked]')");

        Files.writeString(project.resolve("pipelines.yaml"), Files.readString(project.resolve("pipelines.yaml"))
                .replace("X-Trace: 'Bearer " + SECRETS.get(1) + "', ", ""));
        everyCommand();

        CliRun plan = run("plan", "--stack", "dev");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("X-Build: \"[masked]\"");
        assertThat(plan.out()).contains("pipelines.weekly-model-training.http.headers.X-Build: the value looks like a key");
        CliRun json = run("plan", "--stack", "dev", "--format", "json");
        assertThat(json.out()).contains("\"X-Build\" : \"[masked]\"");
        assertNoSecretAnywhere();
    }

    /** Replaces one line of the copied project's file, which must hold it. */
    private void edit(String file, String line, String replacement) throws Exception {
        Path f = project.resolve(file);
        String text = Files.readString(f);
        assertThat(text).contains(line);
        Files.writeString(f, text.replace(line, replacement));
    }

    /**
     * The dev plan's credentials where the loader takes them (a random key under an innocent header name, in a
     * body and in Pub/Sub data, where it refuses the well-known shapes (P10); an attribute named for a credential),
     * and an export of
     * dev whose jobs hold others: credential headers, a body that is not base64, a secret as
     * {@code pulumi stack export --show-secrets} writes it, a description with a token; some jobs
     * changed, some the same as the plan, one deleted.
     */
    private Path stateWithCredentialsOnBothSides() throws Exception {
        copyProject();
        headers("{X-Build: " + SECRETS.get(4) + "}");
        edit("pipelines.yaml", "      body: {model: cqc-classifier, version: auto}",
                "      body: {model: cqc-classifier, key: '" + SECRETS.get(4) + "'}");
        edit("pipelines.yaml", "      data: {source: cqc-api, date: today}",
                "      data: {source: cqc-api, auth: '" + ANOTHER_RANDOM_KEY + "'}");
        edit("pipelines.yaml", "      attributes: {check_type: completeness, severity: warning}",
                "      attributes: {check_type: completeness, token: '" + SECRETS.get(5) + "'}");
        ObjectNode export = StackExports.deployed("dev", "--project-dir", project.toString());
        // The export above is of the plan JSON, masked: put the targets back as they are sent.
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        for (PlannedResource job : Plan.of(new Workspace(project).load("dev", now), now, 0).resources()) {
            for (Target.Kind kind : Target.Kind.values()) {
                if (job.type().equals(ResourceTypes.JOB) && job.props().get(kind.apiField()) != null) {
                    StackExports.inputs(export, job.name()).set(kind.apiField(),
                            JSON.valueToTree(Values.typed(job.props().get(kind.apiField()))));
                }
            }
        }
        inputs.add("state-dev.json");
        return StackExports.write(export, project.resolve("state-dev.json"), e -> {
            ObjectNode training = (ObjectNode) StackExports.inputs(e, "weekly-model-training-job").get("httpTarget");
            training.putObject("headers").put("X-Build", SECRETS.get(1)).put("X-Api-Key", SECRETS.get(2))
                    .put("Authorization", "Bearer " + SECRETS.get(3)).put("Cookie", SECRETS.get(5));
            training.put("body", new Payload("{\"key\":\"" + SECRETS.get(3) + "\"}", true).base64());
            ObjectNode reports = StackExports.inputs(e, "monthly-reports-job");
            reports.put("description", "token " + SECRETS.get(2));
            ((ObjectNode) reports.get("httpTarget")).put("body", "Bearer " + SECRETS.get(1));
            ((ObjectNode) StackExports.inputs(e, "data-quality-check-job").get("pubsubTarget").get("attributes"))
                    .put("X-Secret", SECRETS.get(4));
            ((ObjectNode) StackExports.inputs(e, "daily-backup-job").get("httpTarget")).putObject("headers")
                    .put("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270")
                    .put("plaintext", "{\"X-Api-Key\":\"" + SECRETS.get(0) + "\"}");
            ObjectNode stray = e.withArray("/deployment/resources").addObject();
            stray.put("urn", "urn:pulumi:dev::cqc-scheduler::gcp:cloudscheduler/job:Job::old-job")
                    .put("type", ResourceTypes.JOB).put("custom", true).put("id", "old-job-id")
                    .put("parent", "urn:pulumi:dev::cqc-scheduler::pulumi:pulumi:Stack::cqc-scheduler-dev")
                    .putObject("inputs").put("name", "old-job").putObject("httpTarget").putObject("headers")
                    .put("X-Goog-Api-Key", SECRETS.get(0));
        });
    }

    @Test
    void aPlanAgainstAStateShowsNoCredentialOfTheStateOrOfThePlan() throws Exception {
        Path state = stateWithCredentialsOnBothSides();

        CliRun table = run("plan", "--stack", "dev", "--state", state.toString());
        CliRun json = run("plan", "--stack", "dev", "--state", state.toString(), "--format", "json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(json.exitCode()).as(json.err()).isZero();
        Map<String, String> ops = new LinkedHashMap<>();
        JSON.readTree(json.out()).get("operations")
                .forEach(o -> ops.put(o.get("urn").asText().replaceAll(".*::", ""), o.get("op").asText()));
        assertThat(ops).containsEntry("weekly-model-training-job", "update").containsEntry("monthly-reports-job", "update")
                .containsEntry("data-quality-check-job", "update").containsEntry("daily-backup-job", "update")
                .containsEntry("daily-data-ingestion-job", "same").containsEntry("old-job", "delete");
        assertThat(table.out())
                .contains("~ httpTarget.headers.X-Build: \"[masked]\" => \"[masked]\"")
                .contains("- httpTarget.headers.X-Api-Key: \"[masked]\"")
                .contains("- httpTarget.headers.Cookie: \"[masked]\"")
                .contains("- pubsubTarget.attributes.X-Secret: \"[masked]\"")
                .contains("~ description: \"token [masked]\" => ")
                .contains("~ httpTarget.headers: \"[secret]\" => ");
        assertNoSecretAnywhere();
    }

    /** A key the loader takes in a header (with a warning), a body or data, as prod's value where dev has another. */
    private static final String ANOTHER_RANDOM_KEY = "Zr7Pq2Wx9Lm4Nb6Vc8Kd3Hs";
    /** One more such key, for a body. */
    private static final String THIRD_RANDOM_KEY = "Hq3Tz8Ry5Uw2Ie7Oa4Ps1Dk";

    @Test
    void theDiffBetweenStacksShowsNoCredentialOfEither() throws Exception {
        copyProject();
        headers("{X-Build: " + SECRETS.get(4) + "}");
        inputs.add("Pulumi.prod.yaml");
        Files.writeString(project.resolve("Pulumi.prod.yaml"), Files.readString(project.resolve("Pulumi.prod.yaml")) + """
                    data-quality-check:
                      pubsub:
                        attributes: {token: '%s', X-Note: '%s'}
                    weekly-model-training:
                      http:
                        headers: {X-Build: '%s'}
                        body: {model: cqc-classifier, key: '%s'}
                """.formatted(SECRETS.get(5), SECRETS.get(4), ANOTHER_RANDOM_KEY, THIRD_RANDOM_KEY));

        CliRun diff = run("diff", "--from", "dev", "--to", "prod");

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).containsPattern("pubsubTarget.attributes.token +\\(absent\\) -> \\[masked]\n")
                .containsPattern("pubsubTarget.attributes.X-Note +\\(absent\\) -> \\[masked]\n")
                .containsPattern("httpTarget.headers.X-Build +\\[masked] -> \\[masked]\n")
                .contains("\"key\":\"[masked]\"").doesNotContain(ANOTHER_RANDOM_KEY).doesNotContain(THIRD_RANDOM_KEY);
        assertNoSecretAnywhere();
    }

    @Test
    void importAndDriftNeverRepeatACloudJobsCredentials() throws Exception {
        copyProject();
        String job = """
                {"name": "projects/cqc-ml-prod/locations/europe-west2/jobs/%s", "schedule": "0 1 * * *",
                 "timeZone": "Etc/UTC", "state": "ENABLED", "attemptDeadline": "180s",
                 "httpTarget": {"uri": "https://api.example.com/run", "httpMethod": "POST",
                   "headers": {"%s": "%s", "X-Note": "%s"}}}""";
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < CREDENTIAL_HEADERS.size(); i++) {
            jobs.add(job.formatted("job-" + i, CREDENTIAL_HEADERS.get(i), SECRETS.get(i % SECRETS.size()),
                    SECRETS.get((i + 1) % SECRETS.size())));
        }
        Path file = project.resolve("jobs.json");
        Files.writeString(file, "[" + String.join(",\n", jobs) + "]");

        run("import", "--stack", "prod", "--from", file.toString(), "--dry-run");
        run("import", "--stack", "prod", "--from", file.toString());
        CliRun drift = run("drift", "--stack", "prod", "--from", file.toString());

        assertThat(drift.exitCode()).isEqualTo(ExitCodes.DRIFT);
        outputs.add(Files.readString(project.resolve("pipelines.yaml")));
        assertNoSecretAnywhere();
    }
}
