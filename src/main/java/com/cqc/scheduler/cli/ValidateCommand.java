package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

final class ValidateCommand implements Command {
    static final String NAME = "validate";
    static final String DESCRIPTION = "Every error and warning of one stack or all stacks, at once."
            + " Exit 0 with warnings only, 1 with any error.";

    /** {@code --stack S} or {@code --all} (the default), not both: the stacks validate and check work on. */
    static final class Which {
        private static final Option STACK = Option.builder().longOpt("stack").hasArg().argName("STACK")
                .desc("One stack.").get();
        private static final Option ALL = Option.builder().longOpt("all")
                .desc("Every stack that has a Pulumi.<stack>.yaml (the default).").get();

        private Which() {}

        static Options addTo(Options options) {
            return options.addOptionGroup(new OptionGroup().addOption(STACK).addOption(ALL));
        }

        /** The one stack named, or null for all. */
        static String one(Arguments args) {
            return args.text(STACK);
        }
    }

    @Override
    public Options options() {
        return Which.addTo(ProjectOptions.addTo(new Options()));
    }

    @Override
    public int run(Arguments args, PrintWriter out) {
        Workspace workspace = ProjectOptions.workspace(args);
        String one = Which.one(args);
        List<String> stacks = one == null ? workspace.stacks() : List.of(one);
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
