package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.StackModel;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

final class TimelineCommand implements Command {
    static final String NAME = "timeline";
    static final String DESCRIPTION = "A picture of the coming days of job starts (SVG, or HTML when FILE ends in"
            + " .html): hour labels, a legend, every minute where several active jobs start, paused jobs apart.";

    private static final Option OUT = Option.builder().longOpt("out").hasArg().argName("FILE").required()
            .type(Path.class).converter(OptionTypes.PATH).desc("Where to write the .svg or .html.").get();
    private static final Option FROM = Option.builder().longOpt("from").hasArg().argName("WHEN")
            .type(Instant.class).converter(OptionTypes.WHEN)
            .desc("Start at the UTC hour of this instant or date (midnight UTC); default: now.").get();
    private static final Option DAYS = Option.builder().longOpt("days").hasArg().argName("N")
            .type(Integer.class).converter(OptionTypes.INT)
            .desc("Days shown (1..31, default " + Timeline.DEFAULT_DAYS + ").").get();

    @Override
    public Options options() {
        return StackOptions.addTo(new Options()).addOption(OUT).addOption(FROM).addOption(DAYS);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        StackOptions stack = StackOptions.of(args);
        Path file = args.value(OUT, null);
        int days = args.value(DAYS, Timeline.DEFAULT_DAYS);
        String name = file.getFileName().toString();
        if (!name.endsWith(".svg") && !name.endsWith(".html")) {
            throw new UsageException("--out " + file + " must end in .svg or .html");
        }
        if (days < 1 || days > 31) {
            throw new UsageException("--days " + days + " is outside 1..31");
        }
        Instant at = args.value(FROM, Instant.now());
        StackModel model = stack.load(at);
        Timeline.Window week = Timeline.window(model, at, days);
        String svg = Timeline.svg(model, week);
        // In a page the picture takes the page's width: the viewBox scales it.
        String content = name.endsWith(".html")
                ? "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + stack.name() + " timeline</title>\n"
                + "<style>body{margin:8px} svg{width:100%;height:auto;display:block}</style></head><body>\n"
                + svg + "</body></html>\n"
                : svg;
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
        out.println("wrote " + file + ": " + week.runs().values().stream().mapToInt(List::size).sum()
                + " job starts from " + week.start() + " to " + week.end() + ", " + week.clashes().size()
                + " minute(s) in which several active jobs start");
        out.flush();
        return ExitCodes.OK;
    }
}
