package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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

    @TempDir
    Path project;
    private final List<String> outputs = new ArrayList<>();

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
                if (!f.getFileName().toString().equals("pipelines.yaml") && !f.getFileName().toString().equals("jobs.json")) {
                    outputs.add(Files.readString(f));
                }
            }
        }
        for (String secret : SECRETS) {
            assertThat(outputs).as("outputs").noneMatch(o -> o.contains(secret));
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
        assertThat(validate.out()).contains("error: pipelines.weekly-model-training.http.headers.X-Trace: the value is a"
                + " credential ([masked] here)");

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
