package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.time.Instant;

final class DiffCommand implements Command {
    static final String NAME = "diff";
    static final String DESCRIPTION = "The effective differences between two stacks, pipeline by pipeline and field by field.";

    private static final Option FROM = Option.builder().longOpt("from").hasArg().argName("STACK").required()
            .desc("The stack a change is promoted from, e.g. dev.").get();
    private static final Option TO = Option.builder().longOpt("to").hasArg().argName("STACK").required()
            .desc("The stack it is promoted to, e.g. prod.").get();

    @Override
    public Options options() {
        return ProjectOptions.addTo(new Options()).addOption(FROM).addOption(TO);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        Workspace workspace = ProjectOptions.workspace(args);
        Instant now = Instant.now();
        Plan a = Plan.of(workspace.load(args.text(FROM), now), now, 0);
        Plan b = Plan.of(workspace.load(args.text(TO), now), now, 0);
        out.print(StackDiff.render(a, b));
        out.flush();
        return ExitCodes.OK;
    }
}
