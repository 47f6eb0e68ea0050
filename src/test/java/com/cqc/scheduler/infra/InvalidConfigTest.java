package com.cqc.scheduler.infra;

import com.cqc.scheduler.App;
import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.offline.ProviderEmulator;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

/** A broken stack under `pulumi up`: each problem once as its own error, no stack trace, nothing registered. */
class InvalidConfigTest {
    @TempDir
    Path dir;

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static final String PROD = """
            config:
              gcp:project: cqc-ml-prod
              cqc-scheduler:projectNumber: "100000000003"
            """;

    private TestResult run(String catalog, String stackYaml, Mocks mocks) throws IOException, ConfigException {
        Files.writeString(dir.resolve("pipelines.yaml"), catalog);
        StackFile stack = StackFile.parse("prod", "Pulumi.prod.yaml", StackLoader.PROJECT, stackYaml);
        return PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("cqc-scheduler").stackName("prod").build())
                .runTest(ctx -> App.run(ctx, stack, dir));
    }

    @Test
    void aFailingUpShowsEveryErrorWithoutATraceAndRegistersNothing() throws Exception {
        Mocks provider = spy(new ProviderEmulator());

        TestResult result = run("""
                pipelines:
                  backup:
                    schedule: "0 3 * * * *"
                    timeZone: Europe/Londn
                    pubsub: {topic: backups, data: go}
                """, PROD + "  cqc-scheduler:pipelines: {backup: {retry: {count: 9}}}\n", provider);

        // The exit code is the SDK's under the real engine (ProgramProcessTest): the mock harness counts the
        // logged errors on another logger than its runner reads, so it reports 0 here.
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).containsExactly(
                "pipelines.backup.schedule: '0 3 * * * *' has 6 fields; Cloud Scheduler takes exactly 5 (minute hour"
                        + " day-of-month month day-of-week), no seconds or year field (R2.2)",
                "pipelines.backup.timeZone: 'Europe/Londn' is not an IANA time zone name (did you mean 'Europe/London'?); use one of the tz database,"
                        + " e.g. Etc/UTC or Europe/London (R3.1)",
                "pipelines.backup.retry.count: 9 is outside 0..5 [set in Pulumi.prod.yaml] (R5.1)");
        verify(provider, never()).newResourceAsync(any());
    }

    @Test
    void aValidStackExportsEachPipelinesOutputs() throws Exception {
        TestResult result = run("pipelines:\n  backup: {schedule: \"0 3 * * *\", pubsub: {topic: backups, data: go}}\n",
                PROD, new ProviderEmulator()).throwOnError();

        assertThat(PulumiTest.extractValue(result.output("backup"))).isEqualTo(Map.of(
                "jobName", "projects/cqc-ml-prod/locations/europe-west2/jobs/backup",
                "topicName", "projects/cqc-ml-prod/topics/backups"));
    }
}
