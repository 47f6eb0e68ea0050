package com.cqc.scheduler.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diff}: everything two stacks would deploy differently, the stack-wide resources included. */
class StackDiffTest {
    @TempDir
    Path project;

    @Test
    void devToProdShowsThatProdPagesAndDevDoesNot() {
        CliRun run = CliRun.of("diff", "--from", "dev", "--to", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("alerting.enabled                   false -> true")
                .contains("alerting.channels                  [] -> [projects/cqc-ml-prod/notificationChannels/1000000000000000001]")
                .contains("  gcp:monitoring:AlertPolicy  failure-alerting-policy\n    (resource)                         (absent) -> present")
                .doesNotContain("gcp:logging:Metric")  // alerting needs no log-based metric (P14)
                .endsWith("Differences: 8 stack setting(s), 3 stack-wide resource(s), 10 of 10 pipelines.\n");
    }

    @Test
    void stagingToProdShowsTheThresholdAndWindowChanging() {
        String out = CliRun.of("diff", "--from", "staging", "--to", "prod").out();

        assertThat(out)
                .contains("alerting.failedAttempts            2 -> 1")
                .contains("alerting.window                    15m -> 5m")
                .contains("conditions[0].conditionThreshold.aggregations[0].alignmentPeriod 900s -> 300s")
                .contains("conditions[0].conditionThreshold.thresholdValue 1 -> 0")
                .contains("notificationChannels               [projects/cqc-ml-staging/notificationChannels/(known after apply)]"
                        + " -> [projects/cqc-ml-prod/notificationChannels/1000000000000000001,");
    }

    @Test
    void noDifferencesOnlyWhenThereAreNone() throws Exception {
        for (String f : new String[] {"Pulumi.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml", "pipelines.yaml"}) {
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        // a second prod-like stack that differs from prod in nothing but one stack-wide setting, then in nothing
        String prod = Files.readString(project.resolve("Pulumi.prod.yaml"));
        Files.writeString(project.resolve("Pulumi.prod2.yaml"), prod.replace("window: 5m", "window: 10m"));
        CliRun oneSetting = CliRun.of("diff", "--project-dir", project.toString(), "--from", "prod", "--to", "prod2");
        Files.writeString(project.resolve("Pulumi.prod2.yaml"), prod);
        CliRun same = CliRun.of("diff", "--project-dir", project.toString(), "--from", "prod", "--to", "prod2");

        assertThat(oneSetting.out()).as(oneSetting.err())
                .contains("alerting.window                    5m -> 10m")
                .contains("conditions[0].conditionThreshold.aggregations[0].alignmentPeriod 300s -> 600s")
                .doesNotContain("No differences")
                .endsWith("Differences: 1 stack setting(s), 1 stack-wide resource(s), 0 of 10 pipelines.\n");
        assertThat(same.out()).endsWith("No differences.\n");
    }

    @Test
    void aStackWithItselfHasNoDifferences() {
        assertThat(CliRun.of("diff", "--from", "prod", "--to", "prod").out())
                .contains("stack settings\n  no differences\n").endsWith("\nNo differences.\n");
    }
}
