package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptCommandsTest {
    @TempDir
    Path project;

    private Path fixture(String name) {
        return Path.of("src/test/resources/adopt", name).toAbsolutePath();
    }

    private void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void importWritesNewEntriesAndAnImportFileThatTheStackAccepts() throws Exception {
        copyProject();
        String catalogBefore = Files.readString(project.resolve("pipelines.yaml"));

        CliRun run = CliRun.of("import", "--stack", "prod", "--from", fixture("odd-jobs.json").toString(),
                "--project-dir", project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("8 job(s) in ").contains(": 3 to import, 5 not imported")
                .contains("+ paused-job").contains("- projects/cqc-ml-prod/locations/europe-west2/jobs/bearer-job  not imported:");
        String catalogAfter = Files.readString(project.resolve("pipelines.yaml"));
        assertThat(catalogAfter).startsWith(catalogBefore).contains("  paused-job:\n");
        String importFile = Files.readString(project.resolve("import-prod.json"));
        assertThat(importFile).contains("\"name\" : \"paused-job-job\"")
                .contains("\"id\" : \"projects/cqc-ml-prod/locations/europe-west2/jobs/paused-job\"")
                .contains("\"parent\" : \"paused-job\"").contains("\"component\" : true");
        CliRun validate = CliRun.of("validate", "--stack", "prod", "--project-dir", project.toString());
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("prod: valid, 13 pipelines")
                .contains("warning: pipelines.legacy-schedule-job.schedule: 'every 24 hours' is the legacy English format");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        copyProject();

        CliRun run = CliRun.of("import", "--stack", "prod", "--from", fixture("odd-jobs.json").toString(),
                "--project-dir", project.toString(), "--dry-run");

        assertThat(run.out()).endsWith("dry run: nothing written\n");
        assertThat(project.resolve("import-prod.json")).doesNotExist();
        assertThat(Files.readString(project.resolve("pipelines.yaml"))).isEqualTo(Files.readString(Path.of("pipelines.yaml")));
    }

    @Test
    void driftExitsThreeWhenTheCloudDiffers() {
        CliRun run = CliRun.of("drift", "--stack", "prod", "--from", fixture("seed-jobs.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.out())
                .contains("differs:           projects/cqc-ml-prod/locations/europe-west2/jobs/dataflow-launch")
                .contains("schedule                           code: 34 3 * * *")
                .contains("cloud: 0 3 * * *")
                .contains("drift: 0 only in the cloud, 0 only in code, 10 different");
    }

    @Test
    void anUnreadableListingIsAUsageError() {
        CliRun run = CliRun.of("drift", "--stack", "prod", "--from", "no-such-file.json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("cqc: --from no-such-file.json: there is no such file\n");
    }

    private Path write(String name, String text) throws Exception {
        Path file = project.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String ONE_JOB = """
            {"name": "projects/cqc-ml-prod/locations/europe-west2/jobs/hand-made", "schedule": "0 1 * * *",
             "timeZone": "Etc/UTC", %s"pubsubTarget": {"topicName": "projects/cqc-ml-prod/topics/misc", "data": "cGluZw=="}}""";

    @Test
    void aSingleJobAsGcloudDescribePrintsItIsAccepted() throws Exception {
        Path job = write("job.json", ONE_JOB.formatted("\"state\": \"ENABLED\", "));

        CliRun imported = CliRun.of("import", "--stack", "prod", "--from", job.toString(), "--dry-run");
        CliRun drift = CliRun.of("drift", "--stack", "prod", "--from", job.toString());

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).startsWith("1 job(s) in ").contains(": 1 to import, 0 not imported").contains("+ hand-made");
        assertThat(drift.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(drift.out()).contains("only in the cloud: projects/cqc-ml-prod/locations/europe-west2/jobs/hand-made");
    }

    @Test
    void aJobWithoutStateIsNotedNotAssumedEnabled() throws Exception {
        Path job = write("job.json", ONE_JOB.formatted(""));
        Path seed = Path.of("src/test/resources/adopt/seed-jobs.json");
        String seedText = Files.readString(seed).replace("\"state\": \"ENABLED\",", "");
        Path stateless = write("seed.json", seedText);

        CliRun imported = CliRun.of("import", "--stack", "prod", "--from", job.toString(), "--dry-run");
        CliRun drift = CliRun.of("drift", "--stack", "prod", "--from", stateless.toString());

        assertThat(imported.out()).contains("note: the listing gives no state (gcloud and the API always do: was it"
                + " edited?); imported as enabled (paused: false), so check the job before pulumi up");
        assertThat(drift.out()).contains("state                              code: ENABLED").contains("cloud: (absent)");
    }

    @Test
    void gcloudsDefaultYamlGetsTheFlagToUse() throws Exception {
        Path yaml = write("jobs.yaml", """
                ---
                name: projects/cqc-ml-prod/locations/europe-west2/jobs/hand-made
                schedule: 0 1 * * *
                state: ENABLED
                ---
                name: projects/cqc-ml-prod/locations/europe-west2/jobs/other
                schedule: 0 2 * * *
                """);

        for (String command : new String[] {"import", "drift"}) {
            CliRun run = CliRun.of(command, "--stack", "prod", "--from", yaml.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
            assertThat(run.err()).isEqualTo("error: jobs.yaml: is YAML, gcloud's default output; run gcloud with"
                    + " --format=json (gcloud scheduler jobs list --location=LOCATION --format=json > jobs.yaml)\n");
        }
    }

    @Test
    void aMalformedListingIsInvalidInputWithItsPosition() throws Exception {
        Path broken = write("jobs.json", "[{\"name\": \"projects/p/locations/l/jobs/j\",\n  \"schedule\" \"0 1 * * *\"}]");

        CliRun run = CliRun.of("drift", "--stack", "prod", "--from", broken.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: jobs.json:2:14: is not JSON:")
                .endsWith("expected what gcloud scheduler jobs list --format=json prints");
    }
}
