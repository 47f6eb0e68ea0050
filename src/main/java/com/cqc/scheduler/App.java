package com.cqc.scheduler;

import com.cqc.scheduler.cli.Cli;
import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.ConfigSource;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.CqcScheduler;
import com.cqc.scheduler.infra.InvalidConfig;
import com.cqc.scheduler.infra.PulumiConfigSource;
import com.cqc.scheduler.infra.SecretSource;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.pulumi.Context;
import com.pulumi.Pulumi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The jar's entry point. Without arguments it is the Pulumi program (Pulumi's java host runs
 * {@code java -jar} with none); with arguments it is the offline CLI (plan, validate, diff, ...).
 */
public final class App {
    /** Read once by the JDK when the common fork-join pool is first used. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private App() {}

    public static void main(String[] args) {
        // Before anything touches the pool: the program polls (the SDK's runner), the offline commands do not.
        configureCommonPool(args.length == 0 ? Runner.SDK_POLLING : Runner.COMPLETION);
        if (args.length == 0) {
            if (System.getenv("PULUMI_MONITOR") == null) {
                // Started by hand: the program needs the engine, which passes its address in PULUMI_MONITOR.
                System.err.println("cqc-scheduler: without arguments this jar is the Pulumi program and runs only under"
                        + " the Pulumi engine (pulumi preview / pulumi up); for the offline commands give one,"
                        + " e.g. bin/cqc plan --stack dev (all commands: bin/cqc --help)");
                System.exit(2);
            }
            Pulumi.run(App::stack);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Which runner waits for the program's tasks: it decides how the common pool may be set up. */
    public enum Runner {
        /** The SDK's own ({@code DeploymentImpl$DefaultRunner}): under the Pulumi engine, and in tests that use it. */
        SDK_POLLING,
        /** {@code offline.CompletionRunner}: the offline commands' mock engine, which has no polling loop. */
        COMPLETION
    }

    /**
     * Pulumi Java SDK 1.36.1's runner waits for its tasks with a loop that re-submits itself as a
     * CompletableFuture async task ({@code DeploymentImpl$DefaultRunner.loopUntilDone}); where such tasks
     * run decides whether a deployment ever finishes:
     * <ul>
     * <li>JDK 17 gives every async task a thread of its own while the common pool's parallelism is below 2:
     *     the loop can starve nothing, so under that runner the parallelism is kept at 1 there, whatever the
     *     CPU count (on the pool, with 2 workers, a test run was seen spinning for minutes).</li>
     * <li>Newer JDKs (25) always use the common pool; with one worker (a 2-CPU machine) the loop starves the
     *     tasks it waits for and spins forever, so they get at least 2 workers.</li>
     * </ul>
     * Without that loop (the offline commands' {@link Runner#COMPLETION}) every JDK gets the pool's workers:
     * a thread per async step costs its start and a fresh allocation buffer each (BENCHMARKS.md).
     * Runs before anything touches the pool (the JDK reads the property once); a value the user set wins (P17).
     */
    public static void configureCommonPool(Runner runner) {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(commonPoolParallelism(runner)));
        }
    }

    /** The parallelism {@link #configureCommonPool} chooses for that runner on this JDK and machine. */
    static int commonPoolParallelism(Runner runner) {
        return runner == Runner.SDK_POLLING && asyncTasksGetOwnThreads()
                ? 1 : Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Whether CompletableFuture still runs async tasks on a thread each below parallelism 2 (JDK 17 does, 25 does not). */
    static boolean asyncTasksGetOwnThreads() {
        try {
            CompletableFuture.class.getDeclaredField("USE_COMMON_POOL");
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** The Pulumi program: the stack's config through the one loader, then the components. */
    public static void stack(Context ctx) {
        PulumiConfigSource config = new PulumiConfigSource(ctx);
        run(ctx, config, config, Path.of(""));
    }

    /** The program with a stack file: offline and in tests, where secrets cannot be decrypted. */
    public static StackModel run(Context ctx, ConfigSource config, Path projectDir) {
        return run(ctx, config, SecretSource.OFFLINE, projectDir);
    }

    /**
     * Loads and validates, then registers. An invalid config registers nothing: each problem goes to the engine
     * once, as one line, and the program returns; having logged errors, the SDK ends the process with exit
     * code 1 once the engine has them. Returns null then.
     */
    public static StackModel run(Context ctx, ConfigSource config, SecretSource secrets, Path projectDir) {
        StackModel model;
        try {
            model = new StackLoader(Instant.now()).load(projectDir, config);
        } catch (ConfigException e) {
            InvalidConfig.report(ctx, e.problems());
            return null;
        }
        for (Problem warning : model.warnings()) {
            ctx.log().warn(warning.toString());
        }
        CqcScheduler.define(ctx, model, secrets);
        return model;
    }
}
