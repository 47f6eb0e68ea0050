package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "plan", description = "What `pulumi preview` would register for a stack, and when each job fires.")
final class PlanCommand implements Callable<Integer> {
    enum Format { table, json }

    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default) or json (docs/plan.schema.json).")
    Format format;
    @Option(names = "--from", paramLabel = "INSTANT", description = "Compute fire times after this instant (default: now).")
    Instant from;

    @Override
    public Integer call() throws Exception {
        Instant start = from == null ? Instant.now() : from;
        Plan plan = Plan.of(stack.load(start), start, Plan.DEFAULT_RUNS);
        spec.commandLine().getOut().print(format == Format.json ? PlanJson.render(plan) + "\n" : PlanTable.render(plan));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
