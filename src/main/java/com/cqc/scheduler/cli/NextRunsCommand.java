package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "next-runs", description = "When each job of a stack fires next, in its zone and in UTC.")
final class NextRunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Option(names = "--count", defaultValue = "5", paramLabel = "N", description = "Fire times per job (1..1000, default 5).")
    int count;
    @Option(names = "--from", paramLabel = "WHEN", converter = When.class,
            description = "After this instant or date (a date means its midnight UTC); default: now.")
    Instant from;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 1000) {
            throw new UsageException("--count " + count + " is outside 1..1000");
        }
        Instant start = from == null ? Instant.now() : from;
        StackModel model = stack.load(start);
        Map<String, List<ZonedDateTime>> runs = Plan.nextRuns(model, start, count);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Next %d runs after %s UTC, stack %s%n", count,
                PlanTable.WHEN.format(start.atZone(ZoneOffset.UTC)), stack.name);
        for (Pipeline p : model.pipelines()) {
            out.printf("%n%s  \"%s\" %s%s%n", p.id(), p.schedule().expression(), p.timeZone().getId(),
                    p.paused() ? "  (PAUSED: no runs until resumed)" : "");
            List<ZonedDateTime> times = runs.get(p.id());
            if (times.isEmpty()) {
                out.println("  not computed for the legacy schedule format");
            }
            times.forEach(t -> out.println("  " + PlanTable.zonedAndUtc(t)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
