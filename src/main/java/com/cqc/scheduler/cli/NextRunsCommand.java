package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.Plan;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

final class NextRunsCommand implements Command {
    static final String NAME = "next-runs";
    static final String DESCRIPTION = "When each job of a stack fires next, in its zone and in UTC.";

    private static final Option COUNT = Option.builder().longOpt("count").hasArg().argName("N")
            .type(Integer.class).converter(OptionTypes.INT).desc("Fire times per job (1..1000, default 5).").get();
    private static final Option FROM = Option.builder().longOpt("from").hasArg().argName("WHEN")
            .type(Instant.class).converter(OptionTypes.WHEN)
            .desc("After this instant or date (a date means its midnight UTC); default: now.").get();

    @Override
    public Options options() {
        return StackOptions.addTo(new Options()).addOption(COUNT).addOption(FROM);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        StackOptions stack = StackOptions.of(args);
        int count = args.value(COUNT, 5);
        if (count < 1 || count > 1000) {
            throw new UsageException("--count " + count + " is outside 1..1000");
        }
        Instant start = args.value(FROM, Instant.now());
        StackModel model = stack.load(start);
        Map<String, List<ZonedDateTime>> runs = Plan.nextRuns(model, start, count);
        out.printf("Next %d runs after %s UTC, stack %s%n", count,
                PlanTable.WHEN.format(start.atZone(ZoneOffset.UTC)), stack.name());
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
