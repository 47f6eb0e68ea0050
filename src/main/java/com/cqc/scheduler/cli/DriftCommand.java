package com.cqc.scheduler.cli;

import com.cqc.scheduler.adopt.Drift;
import com.cqc.scheduler.adopt.ExpectedJobs;
import com.cqc.scheduler.offline.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

final class DriftCommand implements Command {
    static final String NAME = "drift";
    static final String DESCRIPTION = "Compare the jobs in the cloud with the stack's plan: jobs only in the cloud,"
            + " only in code, or different field by field. Exit 3 when they differ.";

    @Override
    public Options options() {
        return JobsListing.addTo(StackOptions.addTo(new Options()));
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        StackOptions stack = StackOptions.of(args);
        JobsListing listing = JobsListing.of(args);
        Instant now = Instant.now();
        Plan plan = Plan.of(stack.load(now), now, 0);
        List<JsonNode> live = listing.read();
        Drift.Report report = Drift.compare(ExpectedJobs.of(plan), live);
        report.onlyInCloud().forEach(n -> out.println("only in the cloud: " + n + "  (adopt it: bin/cqc import)"));
        report.onlyInCode().forEach(n -> out.println("only in code:      " + n + "  (pulumi up creates it)"));
        report.differences().forEach((name, changes) -> {
            out.println("differs:           " + name);
            changes.forEach(c -> out.printf("    %-34s code: %s%n    %-34s cloud: %s%n", c.field(), show(c.code()), "", show(c.cloud())));
        });
        out.println(report.clean() ? "no drift: " + live.size() + " job(s) in the cloud match the stack " + stack.name()
                : "drift: " + report.onlyInCloud().size() + " only in the cloud, " + report.onlyInCode().size()
                + " only in code, " + report.differences().size() + " different");
        out.flush();
        return report.clean() ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    private static String show(String value) {
        return value == null ? "(absent)" : value;
    }
}
