package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.Problem;
import com.pulumi.Context;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How {@code pulumi preview} and {@code pulumi up} show an invalid config: every problem once, one line each,
 * through the engine, and nothing else. Pulumi Java 1.36.1 mirrors every engine message to java.util.logging
 * (the DeploymentImpl logger, whose console handler writes {@code SEVERE:} lines to stderr), and the java
 * language host dumps the program's stderr when it exits non-zero: the user would read each problem twice.
 * A RunException instead would arrive as one multi-line message. So the problems are logged one by one with
 * that mirror off, and the program returns; the SDK, having logged errors, waits for the engine to have them
 * and exits with code 1 (Runner.ProcessExitedBeforeLoggingUserActionableMessage).
 */
public final class InvalidConfig {
    /** The logger the SDK mirrors engine messages to; held here so its level is not lost to the GC. */
    private static final Logger SDK_MIRROR = Logger.getLogger("com.pulumi.deployment.internal.DeploymentImpl");

    private InvalidConfig() {}

    public static void report(Context ctx, List<Problem> problems) {
        SDK_MIRROR.setLevel(Level.OFF);
        problems.stream().filter(p -> !p.isError()).forEach(p -> ctx.log().warn(oneLine(p)));
        problems.stream().filter(Problem::isError).forEach(p -> ctx.log().error(oneLine(p)));
    }

    private static String oneLine(Problem problem) {
        return problem.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
