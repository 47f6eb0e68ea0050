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
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "timeline", description = "A picture of the coming days of job starts (SVG, or HTML when FILE ends in"
        + " .html): hour labels, a legend, every minute where several active jobs start, paused jobs apart.")
final class TimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the .svg or .html.")
    Path out;
    @Option(names = "--from", paramLabel = "WHEN", converter = When.class,
            description = "Start at the UTC hour of this instant or date (midnight UTC); default: now.")
    Instant from;
    @Option(names = "--days", defaultValue = "" + Timeline.DEFAULT_DAYS, paramLabel = "N",
            description = "Days shown (1..31, default ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString();
        if (!name.endsWith(".svg") && !name.endsWith(".html")) {
            throw new UsageException("--out " + out + " must end in .svg or .html");
        }
        if (days < 1 || days > 31) {
            throw new UsageException("--days " + days + " is outside 1..31");
        }
        Instant at = from == null ? Instant.now() : from;
        StackModel model = stack.load(at);
        Timeline.Window week = Timeline.window(model, at, days);
        String svg = Timeline.svg(model, week);
        // In a page the picture takes the page's width: the viewBox scales it.
        String content = name.endsWith(".html")
                ? "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + stack.name + " timeline</title>\n"
                + "<style>body{margin:8px} svg{width:100%;height:auto;display:block}</style></head><body>\n"
                + svg + "</body></html>\n"
                : svg;
        try {
            Files.writeString(out, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + out + ": " + week.runs().values().stream().mapToInt(List::size).sum()
                + " job starts from " + week.start() + " to " + week.end() + ", " + week.clashes().size()
                + " minute(s) in which several active jobs start");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
