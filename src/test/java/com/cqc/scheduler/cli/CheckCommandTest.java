package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check}: validation, plan and the policy pack's offline check in one verdict. Runs the real
 * pack with node (installing its packages with npm ci when they are missing).
 */
class CheckCommandTest {
    private static final String PACK = Path.of("policies").toAbsolutePath().toString();

    @TempDir
    Path project;

    private void copyProject() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private CliRun check(String... which) {
        String[] args = new String[which.length + 5];
        args[0] = "check";
        System.arraycopy(which, 0, args, 1, which.length);
        args[which.length + 1] = "--project-dir";
        args[which.length + 2] = project.toString();
        args[which.length + 3] = "--policies";
        args[which.length + 4] = PACK;
        return CliRun.of(args);
    }

    @Test
    void theRealStacksPassEveryStep() throws Exception {
        copyProject();

        CliRun run = check("--all");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("== dev\nvalidation: valid, 10 pipelines, 0 warning(s)\nplan: 43 resources (33 in the cloud), written to target/check/dev.json\n")
                .contains("-- stack prod: 0 mandatory, 0 advisory violation(s)")
                .contains("policy check PASSED")
                .endsWith("check PASSED: dev, prod, staging valid, planned and within the mandatory policies\n");
        assertThat(project.resolve("target/check/prod.json")).content().contains("\"stack\" : \"prod\"");
    }

    @Test
    void whatValidatesButBreaksAProdPolicyFailsTheCheck() throws Exception {
        copyProject();
        Files.writeString(project.resolve("Pulumi.prod.yaml"), Files.readString(project.resolve("Pulumi.prod.yaml"))
                .replace("    bigquery-etl:\n      retry: {count: 5}", "    bigquery-etl:\n      retry: {count: 0}"));

        CliRun validate = CliRun.of("validate", "--stack", "prod", "--project-dir", project.toString());
        CliRun run = check("--stack", "prod");

        assertThat(validate.exitCode()).isZero();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).contains("mandatory  scheduler-retry-bounds")
                .contains("bigquery-etl-job")
                .endsWith("check FAILED: a mandatory policy is violated (see above)\n");
    }

    @Test
    void anInvalidStackFailsAndTheOthersAreStillChecked() throws Exception {
        copyProject();
        Files.writeString(project.resolve("Pulumi.dev.yaml"), Files.readString(project.resolve("Pulumi.dev.yaml"))
                .replace("retry: {count: 1}\n  cqc-scheduler:pipelines:", "retry: {count: 9}\n  cqc-scheduler:pipelines:"));

        CliRun run = check("--all");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.out()).contains("== dev\nvalidation: INVALID")
                .contains("error: defaults.retry.count: 9 is outside 0..5 [set in Pulumi.dev.yaml] (R5.1)")
                .contains("-- stack prod: 0 mandatory").contains("-- stack staging: 0 mandatory")
                .endsWith("check FAILED: dev is invalid (1 error(s))\n");
    }

    @Test
    void aMissingPackOrStackIsAUsageError() throws Exception {
        copyProject();

        CliRun noPack = CliRun.of("check", "--stack", "dev", "--project-dir", project.toString());
        CliRun noStack = check("--stack", "qa");

        assertThat(noPack.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPack.err()).contains("no policy pack there (no PulumiPolicy.yaml)");
        assertThat(noStack.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noStack.err()).contains("unknown stack 'qa'");
    }
}
