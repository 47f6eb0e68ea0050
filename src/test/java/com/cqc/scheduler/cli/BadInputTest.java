package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's mistake: one clear line, exit 2 (usage) or 1 (invalid config), never a stack trace. */
class BadInputTest {
    @TempDir
    Path project;

    private void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("cqc: ").contains(message);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void unknownStack() {
        assertUsage(CliRun.of("plan", "--stack", "qa"), "unknown stack 'qa': there is no Pulumi.qa.yaml");
        assertUsage(CliRun.of("plan", "--stack", "qa"), "known stacks: dev, prod, staging");
    }

    @Test
    void unknownCommandFlagOrValue() {
        assertUsage(CliRun.of("apply"), "Unknown command: 'apply'");
        assertUsage(CliRun.of("plan", "--stack", "dev", "--colour"), "Unknown option: '--colour'");
        assertUsage(CliRun.of("plan", "--stack", "dev", "--format", "xml"), "Invalid value for option '--format'");
        assertUsage(CliRun.of("plan"), "Missing required option: '--stack=STACK'");
        assertUsage(CliRun.of("validate", "--all", "--stack", "dev"), "mutually exclusive");
        assertUsage(CliRun.of(), "a command is required: plan, validate, diff, next-runs, timeline, import, drift, check");
    }

    @Test
    void aMisspeltCommandOrStackSuggestsTheNearest() {
        assertThat(CliRun.of("plam", "--stack", "dev").err())
                .isEqualTo("cqc: Unknown command: 'plam'; did you mean 'plan'? (see: cqc --help)\n");
        assertUsage(CliRun.of("plan", "--stack", "prd"), "unknown stack 'prd': there is no Pulumi.prd.yaml in ");
        assertUsage(CliRun.of("plan", "--stack", "prd"), "(did you mean 'prod'?); known stacks: dev, prod, staging");
    }

    @Test
    void aFromThatIsNotAnInstant() {
        assertUsage(CliRun.of("next-runs", "--stack", "dev", "--from", "tomorrow"),
                "'tomorrow' is neither a date such as 2026-11-29 (midnight UTC) nor an ISO-8601 instant");
        assertUsage(CliRun.of("next-runs", "--stack", "dev", "--count", "0"), "--count 0 is outside 1..1000");
    }

    @Test
    void aCatalogThatIsNotYaml() throws Exception {
        copyProject();
        Files.writeString(project.resolve("pipelines.yaml"), "pipelines: [unclosed\n");

        CliRun run = CliRun.of("plan", "--stack", "dev", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).isEqualTo("error: pipelines.yaml:2:1: is not valid YAML: expected ',' or ']', but found the end"
                + " of the file (while parsing a flow sequence)\n");
    }

    @Test
    void aMalformedStackFile() throws Exception {
        copyProject();
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: [\n");

        CliRun run = CliRun.of("validate", "--stack", "dev", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).contains("dev: INVALID").contains("error: Pulumi.dev.yaml:3:1: is not valid YAML");
    }

    @Test
    void aNumberWhereAMapBelongsFailsWithOneErrorSayingWhatBelongsThere() throws Exception {
        copyProject();
        Files.writeString(project.resolve("pipelines.yaml"), Files.readString(project.resolve("pipelines.yaml"))
                .replace("    retry: {count: 1}\n", "    retry: 3\n"));

        CliRun run = CliRun.of("validate", "--stack", "prod", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).contains("error: pipelines.data-quality-check.retry: is a number '3'; expected a map such as"
                + " {count: 3}\n").contains("1 error(s)").doesNotContain("Exception");
    }

    @Test
    void aWrongTypeInTheSharedCatalogFailsEveryStackAlsoOneThatReplacesTheValue() throws Exception {
        copyProject();
        Files.writeString(project.resolve("pipelines.yaml"), Files.readString(project.resolve("pipelines.yaml"))
                .replace("  daily-data-ingestion:\n", "  daily-data-ingestion:\n    retry: 3\n"));
        assertThat(Files.readString(project.resolve("Pulumi.prod.yaml"))).contains("daily-data-ingestion:\n      retry: {count: 5}");

        CliRun run = CliRun.of("validate", "--all", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        String error = "error: pipelines.daily-data-ingestion.retry: is a number '3'; expected a map such as {count: 3}";
        assertThat(run.out()).contains("dev: INVALID").contains("staging: INVALID").contains("prod: INVALID")
                .contains(error + "\n").contains(error + " [set in pipelines.yaml, which every stack shares]\n")
                .contains("3 stack(s): 3 error(s), 0 warning(s)");
    }

    @Test
    void validateReportsEveryErrorOfEveryStackAndFails() throws Exception {
        copyProject();
        String catalog = Files.readString(project.resolve("pipelines.yaml"))
                .replace("schedule: \"0 3 * * *\"", "schedule: \"0 3 * * * *\"")
                .replace("timeZone: Europe/London", "timeZone: Europe/Londn");
        Files.writeString(project.resolve("pipelines.yaml"), catalog);

        CliRun run = CliRun.of("validate", "--all", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).contains("prod: INVALID")
                .contains("error: pipelines.daily-backup.schedule: '0 3 * * * *' has 6 fields")
                .contains("error: pipelines.monthly-reports.timeZone: 'Europe/Londn' is not an IANA time zone name")
                .contains("3 stack(s): 9 error(s), 0 warning(s)");
    }

    @Test
    void warningsAloneStillPass() throws Exception {
        copyProject();
        Files.writeString(project.resolve("pipelines.yaml"), Files.readString(project.resolve("pipelines.yaml"))
                .replace("schedule: \"0 9 1 * *\"", "schedule: \"30 1 * * 0\""));

        CliRun run = CliRun.of("validate", "--stack", "prod", "--project-dir", project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning: pipelines.monthly-reports.schedule: '30 1 * * 0' fires at 01:30 Europe/London");
    }
}
