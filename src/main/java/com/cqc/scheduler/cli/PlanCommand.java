package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "plan", description = "What `pulumi preview` would do for a stack (against an empty stack, or a"
        + " `pulumi stack export` given with --state), and when each job fires.")
final class PlanCommand implements Callable<Integer> {
    enum Format { table, json }

    static final int MAX_RUNS = 1000;

    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default) or json (docs/plan.schema.json).")
    Format format;
    @Option(names = "--from", paramLabel = "WHEN", converter = When.class, description = "Compute fire times after this instant or date (midnight UTC); default: now.")
    Instant from;
    @Option(names = "--runs", defaultValue = "" + Plan.DEFAULT_RUNS, paramLabel = "N",
            description = "Fire times shown per job (0..1000, default ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--state", paramLabel = "FILE",
            description = "A `pulumi stack export` of the stack: list the creates, updates, replaces and deletes against it.")
    Path state;

    @Override
    public Integer call() throws Exception {
        if (runs < 0 || runs > MAX_RUNS) {
            throw new UsageException("--runs " + runs + " is outside 0.." + MAX_RUNS);
        }
        DeployedState deployed = state == null ? null : DeployedState.read(state);
        if (deployed != null && deployed.stack() != null && !deployed.stack().equals(stack.name)) {
            throw new UsageException("--state " + state + " is an export of stack '" + deployed.stack()
                    + "', not of '" + stack.name + "'");
        }
        Instant start = from == null ? Instant.now() : from;
        Plan plan = Plan.of(stack.load(start), start, runs);
        PlanTable.Baseline baseline = deployed == null ? PlanTable.Baseline.empty(plan)
                : PlanTable.Baseline.state(plan, deployed, state.toString());
        String text = format == Format.json ? PlanJson.render(plan, deployed == null ? null : baseline.steps()) + "\n"
                : PlanTable.render(plan, baseline);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
