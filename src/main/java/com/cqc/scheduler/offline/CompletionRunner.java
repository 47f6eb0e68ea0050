package com.cqc.scheduler.offline;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.Runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The mock engine's task runner, told by the tasks themselves when they are done.
 *
 * <p>The SDK's own runner ({@code DeploymentImpl$DefaultRunner}, pulumi-java 1.36.1) waits for the program's
 * tasks by polling: after each pass over every task in flight it submits the next pass as a new async task,
 * and each pass first formats the whole set of tasks into a log message at FINEST, logged or not. On JDK 17
 * with 2 CPUs every pass is a new thread (about 900 for the dev plan, BENCHMARKS.md), and the work per pass
 * grows with the tasks in flight, which makes large plans quadratic. This runner counts the tasks instead and
 * completes when the program has returned and the last task has finished.
 *
 * <p>What the SDK's runner does with failures, this one does for the offline plan: a failed task (or program)
 * makes the exit code 1 and is listed among the result's exceptions, which {@link OfflineEngine} reports. It
 * runs one program; it serves only the in-process mock engine (under {@code pulumi preview} the SDK's runner
 * runs, talking to the real engine).
 */
final class CompletionRunner implements Runner {
    private final Set<CompletableFuture<?>> inFlight = new HashSet<>();
    private final List<Exception> failures = new ArrayList<>();
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    private boolean programReturned;

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        synchronized (this) {
            inFlight.add(task);
        }
        // Added before the task's other dependents, so it runs after them (a future completes its dependents
        // newest first): tasks they register are in the set before this one leaves it.
        task.whenComplete((value, error) -> finished(task, error));
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        synchronized (this) {
            if (programReturned || !inFlight.isEmpty()) {
                throw new IllegalStateException("a CompletionRunner runs one program");
            }
        }
        // The SDK's context-aware future carries the deployment to the thread that runs the program.
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(program);
        registerTask("program", value);
        return value.handle((v, e) -> null)
                .thenCompose(ignored -> {
                    synchronized (this) {
                        programReturned = true;
                    }
                    completeWhenIdle();
                    return allDone;
                })
                .thenApply(ignored -> result(value));
    }

    private void finished(CompletableFuture<?> task, Throwable error) {
        synchronized (this) {
            inFlight.remove(task);
            if (error != null) {
                failures.add(unwrap(error));
            }
        }
        completeWhenIdle();
    }

    /** Completes outside the lock: what depends on the result runs in the completing thread. */
    private void completeWhenIdle() {
        boolean idle;
        synchronized (this) {
            idle = programReturned && inFlight.isEmpty();
        }
        if (idle) {
            allDone.complete(null);
        }
    }

    private synchronized <T> Result<T> result(CompletableFuture<T> value) {
        if (!failures.isEmpty()) {
            return new Result<T>(1, List.copyOf(failures), Optional.empty()) {};
        }
        return new Result<T>(0, List.of(), Optional.ofNullable(value.join())) {};
    }

    private static Exception unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception e ? e : new RuntimeException(cause);
    }
}
