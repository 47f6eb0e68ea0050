package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.StackModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "timeline", description = "A picture of a week of job starts (SVG, or HTML when FILE ends in .html).")
final class TimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the .svg or .html.")
    Path out;
    @Option(names = "--from", paramLabel = "INSTANT", description = "Show the UTC week (from Monday) that contains this instant (default: now).")
    Instant from;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString();
        if (!name.endsWith(".svg") && !name.endsWith(".html")) {
            throw new UsageException("--out " + out + " must end in .svg or .html");
        }
        Instant at = from == null ? Instant.now() : from;
        StackModel model = stack.load(at);
        Timeline.Week week = Timeline.week(model, at);
        String svg = Timeline.svg(model, week);
        String content = name.endsWith(".html")
                ? "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + stack.name + " timeline</title></head><body>\n"
                + svg + "</body></html>\n"
                : svg;
        try {
            Files.writeString(out, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + out + ": " + week.runs().values().stream().mapToInt(java.util.List::size).sum()
                + " job starts in the week of " + week.start() + ", " + week.clashes().size() + " minute(s) with several starts");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
