package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

final class PlanCommand implements Command {
    static final String NAME = "plan";
    static final String DESCRIPTION = "What `pulumi preview` would do for a stack (against an empty stack, or a"
            + " `pulumi stack export` given with --state), and when each job fires.";

    enum Format { table, json }

    static final int MAX_RUNS = 1000;

    private static final Option FORMAT = Option.builder().longOpt("format").hasArg().argName("FORMAT")
            .type(Format.class).converter(OptionTypes.oneOf(Format.class))
            .desc("table (default) or json (docs/plan.schema.json).").get();
    private static final Option FROM = Option.builder().longOpt("from").hasArg().argName("WHEN")
            .type(Instant.class).converter(OptionTypes.WHEN)
            .desc("Compute fire times after this instant or date (midnight UTC); default: now.").get();
    private static final Option RUNS = Option.builder().longOpt("runs").hasArg().argName("N")
            .type(Integer.class).converter(OptionTypes.INT)
            .desc("Fire times shown per job (0.." + MAX_RUNS + ", default " + Plan.DEFAULT_RUNS + ").").get();
    private static final Option STATE = Option.builder().longOpt("state").hasArg().argName("FILE")
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("A `pulumi stack export` of the stack: list the creates, updates, replaces and deletes against it.").get();

    @Override
    public Options options() {
        return StackOptions.addTo(new Options()).addOption(FORMAT).addOption(FROM).addOption(RUNS).addOption(STATE);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        StackOptions stack = StackOptions.of(args);
        int runs = args.value(RUNS, Plan.DEFAULT_RUNS);
        Path state = args.value(STATE, null);
        if (runs < 0 || runs > MAX_RUNS) {
            throw new UsageException("--runs " + runs + " is outside 0.." + MAX_RUNS);
        }
        DeployedState deployed = state == null ? null : DeployedState.read(state);
        if (deployed != null && deployed.stack() != null && !deployed.stack().equals(stack.name())) {
            throw new UsageException("--state " + state + " is an export of stack '" + deployed.stack()
                    + "', not of '" + stack.name() + "'");
        }
        Instant start = args.value(FROM, Instant.now());
        Plan plan = Plan.of(stack.load(start), start, runs);
        PlanTable.Baseline baseline = deployed == null ? PlanTable.Baseline.empty(plan)
                : PlanTable.Baseline.state(plan, deployed, state.toString());
        String text = args.value(FORMAT, Format.table) == Format.json
                ? PlanJson.render(plan, deployed == null ? null : baseline.steps()) + "\n"
                : PlanTable.render(plan, baseline);
        out.print(text);
        out.flush();
        return ExitCodes.OK;
    }
}
