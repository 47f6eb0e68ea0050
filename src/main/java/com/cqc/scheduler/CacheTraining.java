package com.cqc.scheduler;

import com.cqc.scheduler.cli.Cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The workload the JVM's class cache of the jar is made from ({@code bin/lib/cds.sh}, BENCHMARKS.md): the
 * offline plan of the dev stack, then the Pulumi program against the engine address in {@code PULUMI_MONITOR},
 * where nothing listens, so that it loads the gRPC and Netty classes of a real {@code pulumi preview} and stops
 * at its first call. One run serves both kinds of cache: JDK 17's class list for a static archive and JDK 25's
 * ahead-of-time cache, which is made from a single training run. Run from the project's directory.
 */
public final class CacheTraining {
    private CacheTraining() {}

    public static void main(String[] args) {
        // Both runners run here; the setting that suits the SDK's one suits both.
        App.configureCommonPool(App.Runner.SDK_POLLING);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Cli.run(new String[] {"plan", "--stack", "dev"}, discard, discard);
        App.main(new String[0]);
    }
}
