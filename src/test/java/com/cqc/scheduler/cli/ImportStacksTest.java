package com.cqc.scheduler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} into one stack leaves what the other stacks deploy unchanged, and says so. */
class ImportStacksTest {
    private static final Path ODD_JOBS = Path.of("src/test/resources/adopt/odd-jobs.json").toAbsolutePath();

    @TempDir
    Path project;

    @BeforeEach
    void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", project.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private int resources(String stack) throws Exception {
        return new ObjectMapper().readTree(run("plan", "--stack", stack, "--format", "json").out()).get("resources").size();
    }

    @Test
    void theOtherStacksGetEnabledFalseAndDeployExactlyWhatTheyDidBefore() throws Exception {
        int dev = resources("dev");
        int staging = resources("staging");
        int prod = resources("prod");

        CliRun run = run("import", "--stack", "prod", "--from", ODD_JOBS.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  dev: enabled: false written for no-retry-job, paused-job, legacy-schedule-job in Pulumi.dev.yaml;"
                        + " it deploys nothing new\n")
                .contains("  staging: enabled: false written for no-retry-job, paused-job, legacy-schedule-job in"
                        + " Pulumi.staging.yaml; it deploys nothing new\n")
                .contains("  prod: deploys no-retry-job, paused-job, legacy-schedule-job (adopted with pulumi import, not created)\n");
        assertThat(Files.readString(project.resolve("Pulumi.dev.yaml")))
                .startsWith(Files.readString(Path.of("Pulumi.dev.yaml")).substring(0, 200))
                .contains("    paused-job:\n      enabled: false\n");
        assertThat(resources("dev")).isEqualTo(dev);
        assertThat(resources("staging")).isEqualTo(staging);
        assertThat(resources("prod")).isGreaterThan(prod);
        assertThat(run("validate", "--all").exitCode()).isZero();
    }

    @Test
    void theNextStepsAreTheCommandsOfTheOperationsGuide() throws Exception {
        String guide = Files.readString(Path.of("docs/operations.md"));

        CliRun run = run("import", "--stack", "prod", "--from", ODD_JOBS.toString());

        List<String> steps = run.out().lines().dropWhile(l -> !l.startsWith("next (docs/operations.md"))
                .skip(1).map(String::strip).toList();
        assertThat(steps).hasSize(4).contains("pulumi import --stack prod --file import-prod.json --protect=false"
                + " --generate-code=false");
        assertThat(steps).allSatisfy(command -> assertThat(guide).contains(command));
    }

    @Test
    void stacksNamedWithStacksDeployTheNewEntriesAndAreWarnedThatTheyCreateThem() throws Exception {
        String staging = Files.readString(project.resolve("Pulumi.staging.yaml"));

        CliRun run = run("import", "--stack", "prod", "--stacks", "staging", "--from", ODD_JOBS.toString());

        assertThat(run.out()).contains("  staging: WILL CREATE no-retry-job, paused-job, legacy-schedule-job on its next up")
                .contains("  dev: enabled: false written");
        assertThat(Files.readString(project.resolve("Pulumi.staging.yaml"))).isEqualTo(staging);
        assertThat(run("import", "--stack", "prod", "--stacks", "qa", "--from", ODD_JOBS.toString()).err())
                .contains("--stacks: unknown stack 'qa'");
    }

    @Test
    void aStackFileThatCannotBeEditedSafelyStopsTheImportBeforeAnythingIsWritten() throws Exception {
        String catalog = Files.readString(project.resolve("pipelines.yaml"));
        Files.writeString(project.resolve("Pulumi.dev.yaml"), Files.readString(project.resolve("Pulumi.dev.yaml"))
                .replaceAll("(?s)  cqc-scheduler:pipelines:.*", "  cqc-scheduler:pipelines: {weekly-model-training: {paused: true}}\n"));

        CliRun run = run("import", "--stack", "prod", "--from", ODD_JOBS.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("Pulumi.dev.yaml").contains("is written inline").contains("nothing was written");
        assertThat(Files.readString(project.resolve("pipelines.yaml"))).isEqualTo(catalog);
        assertThat(project.resolve("import-prod.json")).doesNotExist();
        assertThat(Files.readString(project.resolve("Pulumi.staging.yaml"))).isEqualTo(Files.readString(Path.of("Pulumi.staging.yaml")));
    }

    @Test
    void theInvokerAccountANoteNamesIsTheOneThePlanCreates() throws Exception {
        String id = "Nightly_Export_To_The_Warehouse";
        Path jobs = project.resolve("jobs.json");
        Files.writeString(jobs, """
                [{"name": "projects/cqc-ml-prod/locations/europe-west2/jobs/%s",
                  "schedule": "0 5 * * *", "timeZone": "Etc/UTC", "state": "ENABLED", "attemptDeadline": "180s",
                  "httpTarget": {"uri": "https://export-100000000003.europe-west2.run.app/run", "httpMethod": "POST",
                    "oidcToken": {"serviceAccountEmail": "runner@shared-tools.iam.gserviceaccount.com",
                                  "audience": "https://export-100000000003.europe-west2.run.app"}},
                  "retryConfig": {"retryCount": 1, "maxBackoffDuration": "3600s", "maxDoublings": 5,
                                  "maxRetryDuration": "0s", "minBackoffDuration": "30s"}}]
                """.formatted(id));

        CliRun run = run("import", "--stack", "prod", "--from", jobs.toString());
        JsonNode plan = new ObjectMapper().readTree(run("plan", "--stack", "prod", "--format", "json").out());
        String accountId = null;
        for (JsonNode r : plan.get("resources")) {
            if (r.get("name").asText().equals(id + "-invoker")) {
                accountId = r.get("props").get("accountId").asText();
            }
        }

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(accountId).isNotNull().isNotEqualTo("sch-" + id);
        assertThat(run.out()).contains("note: its new invoker account will be " + accountId + "@cqc-ml-prod.iam.gserviceaccount.com")
                .doesNotContain("sch-" + id);
    }
}
