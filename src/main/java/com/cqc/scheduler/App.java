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

/**
 * The jar's entry point. Without arguments it is the Pulumi program (Pulumi's java host runs
 * {@code java -jar} with none); with arguments it is the offline CLI (plan, validate, diff, ...).
 */
public final class App {
    private App() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            if (System.getenv("PULUMI_MONITOR") == null) {
                // Started by hand, not by Pulumi's java host: one line, not the SDK's stack trace.
                System.err.println("cqc-scheduler: without arguments this jar is the Pulumi program and needs the"
                        + " Pulumi engine (PULUMI_MONITOR is not set): run `pulumi preview` or `pulumi up`,"
                        + " or give a command (--help lists them)");
                System.exit(2);
            }
            Pulumi.run(App::stack);
            return;
        }
        System.exit(Cli.run(args));
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
