package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.schedule.FireTimes;
import com.cqc.scheduler.schedule.Schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A week of a stack's fire times as an SVG picture: one row per pipeline, one column per UTC hour. Runs
 * that start in the same UTC minute as another job's are red and listed, so contention shows at a glance.
 */
final class Timeline {
    private static final int LABEL = 190;
    private static final int HOUR = 6;
    private static final int ROW = 22;
    private static final int TOP = 46;
    private static final int MAX_RUNS_PER_WEEK = 7 * 24 * 60;

    /** The week shown, and every run in it per pipeline. */
    record Week(Instant start, Map<String, List<Instant>> runs, Map<Instant, List<String>> clashes) {}

    private Timeline() {}

    /** The UTC week (Monday 00:00) that contains {@code at}, with each pipeline's runs in it. */
    static Week week(StackModel model, Instant at) {
        Instant start = ZonedDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        Instant end = start.plus(Duration.ofDays(7));
        Map<String, List<Instant>> runs = new LinkedHashMap<>();
        Map<Instant, List<String>> byMinute = new TreeMap<>();
        for (Pipeline p : model.pipelines()) {
            List<Instant> times = new ArrayList<>();
            if (p.schedule() instanceof Schedule.Cron cron) {
                for (ZonedDateTime t : FireTimes.next(cron, p.timeZone(), start.minusSeconds(1), MAX_RUNS_PER_WEEK)) {
                    if (!t.toInstant().isBefore(end)) {
                        break;
                    }
                    times.add(t.toInstant());
                    byMinute.computeIfAbsent(t.toInstant(), k -> new ArrayList<>()).add(p.id());
                }
            }
            runs.put(p.id(), times);
        }
        Map<Instant, List<String>> clashes = new TreeMap<>();
        byMinute.forEach((t, ids) -> {
            if (ids.size() > 1) {
                clashes.put(t, List.copyOf(ids));
            }
        });
        return new Week(start, runs, clashes);
    }

    static String svg(StackModel model, Week week) {
        List<Pipeline> pipelines = model.pipelines();
        int width = LABEL + 168 * HOUR + 20;
        int clashLines = Math.min(week.clashes().size(), 20);
        int height = TOP + pipelines.size() * ROW + 40 + clashLines * 16;
        StringBuilder s = new StringBuilder();
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        s.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s: job starts in the UTC week of %s</text>%n",
                esc(model.settings().stack()), week.start().toString().substring(0, 10)));
        for (int day = 0; day < 7; day++) {
            int x = LABEL + day * 24 * HOUR;
            s.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n", x, TOP - 10, x, TOP + pipelines.size() * ROW));
            s.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 4, TOP - 14,
                    DayOfWeek.of(day + 1).toString().substring(0, 3) + " " + week.start().plus(Duration.ofDays(day)).toString().substring(5, 10)));
            for (int h = 6; h < 24; h += 6) {
                int hx = x + h * HOUR;
                s.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n", hx, TOP - 4, hx, TOP + pipelines.size() * ROW));
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < pipelines.size(); i++) {
            Pipeline p = pipelines.get(i);
            rows.put(p.id(), i);
            int y = TOP + i * ROW;
            if (i % 2 == 0) {
                s.append(String.format("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6fa\"/>%n", y, width, ROW));
            }
            s.append(String.format("<text x=\"8\" y=\"%d\" fill=\"%s\">%s%s</text>%n", y + 15, p.paused() ? "#999" : "#000",
                    esc(p.id()), p.paused() ? " (paused)" : ""));
            for (Instant t : week.runs().get(p.id())) {
                double x = LABEL + Duration.between(week.start(), t).toMinutes() * HOUR / 60.0;
                String color = week.clashes().containsKey(t) ? "#d62728" : p.paused() ? "#bbb" : "#1f77b4";
                s.append(String.format("<rect x=\"%.1f\" y=\"%d\" width=\"2\" height=\"%d\" fill=\"%s\"><title>%s %s</title></rect>%n",
                        x, y + 3, ROW - 6, color, esc(p.id()), t));
            }
        }
        int y = TOP + pipelines.size() * ROW + 24;
        s.append(String.format("<text x=\"8\" y=\"%d\">%s</text>%n", y, week.clashes().isEmpty()
                ? "No two jobs start in the same minute."
                : week.clashes().size() + " minute(s) in which several jobs start (red); spread them with H (see README):"));
        int line = 1;
        for (Map.Entry<Instant, List<String>> e : week.clashes().entrySet()) {
            if (line > clashLines) {
                break;
            }
            s.append(String.format("<text x=\"20\" y=\"%d\" fill=\"#d62728\">%s: %s</text>%n", y + 16 * line++,
                    e.getKey(), esc(String.join(", ", e.getValue()))));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
