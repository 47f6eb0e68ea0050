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
        assertThat(run.err()).startsWith("cqc: --from no-such-file.json: cannot read it");
    }
}
