package com.cqc.scheduler.offline;

import com.pulumi.deployment.internal.Runner;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompletionRunnerTest {

    @Test
    void waitsForTasksTheProgramLeftRunning() throws Exception {
        CompletionRunner runner = new CompletionRunner();
        CompletableFuture<String> registration = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("registration", registration);
            return "stack";
        });

        Thread.sleep(100);
        assertThat(result).as("done before the program's task").isNotDone();
        registration.complete("urn");
        Runner.Result<String> done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isZero();
        assertThat(done.result()).contains("stack");
        assertThat(done.exceptions()).isEmpty();
    }

    @Test
    void waitsForTasksRegisteredByOtherTasks() throws Exception {
        CompletionRunner runner = new CompletionRunner();
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("first", first);
            // What an Output chain does: the next task is registered when the first one completes.
            first.thenRun(() -> runner.registerTask("second", second));
            return "stack";
        });

        first.complete("a");
        Thread.sleep(100);
        assertThat(result).as("done while the second task runs").isNotDone();
        second.complete("b");
        assertThat(result.get(10, TimeUnit.SECONDS).exitCode()).isZero();
    }

    @Test
    void aFailedTaskFailsTheRunWithItsException() throws Exception {
        CompletionRunner runner = new CompletionRunner();
        IllegalArgumentException failure = new IllegalArgumentException("the provider refused it");
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("registration", CompletableFuture.failedFuture(failure));
            runner.registerTask("other", CompletableFuture.completedFuture("ok"));
            return "stack";
        });

        Runner.Result<String> done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.exceptions()).containsExactly(failure);
        assertThat(done.result()).isEmpty();
    }

    @Test
    void aProgramThatThrowsFailsTheRunWithTheCause() throws Exception {
        CompletionRunner runner = new CompletionRunner();
        Runner.Result<Object> done = runner.runAsync(() -> {
            throw new IllegalStateException("no such stack");
        }).get(10, TimeUnit.SECONDS);

        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.exceptions()).singleElement()
                .satisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("no such stack"));
    }

    @Test
    void runsOneProgram() {
        CompletionRunner runner = new CompletionRunner();
        runner.runAsync(() -> "first");
        assertThatThrownBy(() -> runner.runAsync(() -> "second")).isInstanceOf(IllegalStateException.class);
    }
}
