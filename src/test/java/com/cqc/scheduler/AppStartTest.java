package com.cqc.scheduler;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's entry point in a JVM of its own, started the way a user or Pulumi's java host starts it,
 * on the JDK that runs the tests (bin/test runs them on JDK 17 and on the machine's newer JDK).
 */
class AppStartTest {
    private record Run(int exitCode, String out, String err) {}

    private static Run start(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("app-out", ".txt");
        Path err = Files.createTempFile("app-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PULUMI_"));
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(240, TimeUnit.SECONDS);
            assertThat(finished).as("the JVM finished within 240s (Pulumi's runner spins when it cannot)").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void planFinishesOnTwoCpusWithoutAnyFlagFromTheCaller() throws Exception {
        // P17. No -Djava.util.concurrent.ForkJoinPool.common.parallelism here: App sets it itself.
        Run run = start(List.of("-XX:ActiveProcessorCount=2"), "plan", "--stack", "dev", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"weekly-model-training\"");
        assertThat(run.err()).doesNotContain("SLF4J");
    }

    @Test
    void slf4jHasAProviderSoLibrariesPrintNoWarningOfTheirOwn() {
        // Without one, the first library that logs prints "SLF4J: No SLF4J providers were found" on stderr.
        assertThat(java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).findFirst()).isPresent();
    }

    @Test
    void theCommonPoolRunsPulumisLoopWhereItCannotStarveItsTasks() {
        String before = System.getProperty(App.COMMON_POOL_PARALLELISM);
        try {
            System.clearProperty(App.COMMON_POOL_PARALLELISM);
            App.configureCommonPool(App.Runner.SDK_POLLING);
            int chosen = Integer.parseInt(System.getProperty(App.COMMON_POOL_PARALLELISM));
            if (Runtime.version().feature() == 17) {
                assertThat(App.asyncTasksGetOwnThreads()).isTrue();
                assertThat(chosen).isEqualTo(1);
            } else if (Runtime.version().feature() >= 25) {
                assertThat(App.asyncTasksGetOwnThreads()).isFalse();
                assertThat(chosen).isGreaterThanOrEqualTo(2);
            }

            System.clearProperty(App.COMMON_POOL_PARALLELISM);
            App.configureCommonPool(App.Runner.COMPLETION);
            assertThat(Integer.parseInt(System.getProperty(App.COMMON_POOL_PARALLELISM)))
                    .as("without the polling loop, pool workers on every JDK").isGreaterThanOrEqualTo(2);

            System.setProperty(App.COMMON_POOL_PARALLELISM, "7");
            App.configureCommonPool(App.Runner.COMPLETION);
            assertThat(System.getProperty(App.COMMON_POOL_PARALLELISM)).isEqualTo("7");
        } finally {
            if (before == null) {
                System.clearProperty(App.COMMON_POOL_PARALLELISM);
            } else {
                System.setProperty(App.COMMON_POOL_PARALLELISM, before);
            }
        }
    }

    @Test
    void theTestJvmItselfWasConfiguredBeforeAnyTestTouchedThePool() {
        assertThat(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism())
                .isEqualTo(App.commonPoolParallelism(App.Runner.SDK_POLLING));
    }

    @Test
    void aCommandLoadsNoOtherCommandNorAnnotationParser() throws Exception {
        // Issue 13: picocli read every command's annotations by reflection at each start; now the first word picks
        // the one command whose options are built.
        Run run = start(List.of("-Xlog:class+load=info"), "plan", "--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> loaded = run.out().lines().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+) .*", "$1")).toList();
        assertThat(loaded).contains("com.cqc.scheduler.cli.Cli", "org.apache.commons.cli.Options")
                .noneMatch(c -> c.startsWith("picocli."));
        assertThat(loaded.stream().filter(c -> c.matches("com\\.cqc\\.scheduler\\.cli\\.\\w+Command")))
                .containsExactly("com.cqc.scheduler.cli.PlanCommand");
    }

    @Test
    void withoutArgumentsOrEngineItSaysInOneLineHowItRuns() throws Exception {
        Run run = start(List.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .contains("runs only under the Pulumi engine (pulumi preview / pulumi up)")
                .contains("bin/cqc plan --stack dev");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
