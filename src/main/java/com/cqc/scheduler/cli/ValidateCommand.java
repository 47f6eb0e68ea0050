package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Every error and warning of one stack or all stacks, at once."
        + " Exit 0 with warnings only, 1 with any error.")
final class ValidateCommand implements Callable<Integer> {
    static final class Which {
        @Option(names = "--stack", paramLabel = "STACK", description = "One stack.")
        String stack;
        @Option(names = "--all", description = "Every stack that has a Pulumi.<stack>.yaml (the default).")
        boolean all;
    }

    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @ArgGroup(exclusive = true)
    Which which;

    @Override
    public Integer call() {
        Workspace workspace = project.workspace();
        List<String> stacks = which == null || which.stack == null ? workspace.stacks() : List.of(which.stack);
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        int warnings = 0;
        for (String stack : stacks) {
            List<Problem> problems;
            try {
                StackModel model = workspace.load(stack, Instant.now());
                problems = model.warnings();
                out.println(stack + ": valid, " + model.pipelines().size() + " pipelines"
                        + (problems.isEmpty() ? "" : ", " + problems.size() + " warning(s)"));
            } catch (ConfigException e) {
                problems = e.problems();
                out.println(stack + ": INVALID");
            }
            for (Problem p : problems) {
                out.println("  " + (p.isError() ? "error: " : "warning: ") + p);
                if (p.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        out.println(stacks.size() + " stack(s): " + errors + " error(s), " + warnings + " warning(s)");
        out.flush();
        return errors > 0 ? ExitCodes.INVALID_CONFIG : ExitCodes.OK;
    }
}
