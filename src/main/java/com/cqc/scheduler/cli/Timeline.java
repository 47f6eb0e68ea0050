package com.cqc.scheduler.cli;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.schedule.FireTimes;
import com.cqc.scheduler.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coming days of a stack's job starts as an SVG picture: one row per pipeline, time in UTC across,
 * with day and hour labels and a legend. Starts in the same UTC minute as another active job's are
 * red and every such minute is listed, grouped by pattern ("daily at 03:00 UTC: a, b"). Paused jobs
 * are drawn apart, in grey, and never count as clashes: they do not run.
 */
final class Timeline {
    static final int DEFAULT_DAYS = 7;
    private static final int LABEL = 200;
    private static final int HOUR = 6;
    private static final int ROW = 22;
    private static final int TOP = 96;
    private static final int LINE = 16;
    private static final String START = "#1f77b4";
    private static final String CLASH = "#d62728";
    private static final String PAUSED = "#b0b0b0";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MM-dd", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The window shown ([start, end), whole UTC hours), each pipeline's starts, and the clashes of active jobs. */
    record Window(Instant start, Instant end, Map<String, List<Instant>> runs, Map<Instant, List<String>> clashes) {
        long hours() {
            return Duration.between(start, end).toHours();
        }
    }

    /** Several active jobs starting at one time of day, on the given dates. */
    record ClashGroup(LocalTime time, List<String> ids, List<LocalDate> dates) {}

    private Timeline() {}

    /** The {@code days} from the UTC hour that contains {@code from}, with each pipeline's starts. */
    static Window window(StackModel model, Instant from, int days) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofDays(days));
        int maxRuns = days * 24 * 60;
        Map<String, List<Instant>> runs = new LinkedHashMap<>();
        Map<Instant, List<String>> active = new TreeMap<>();
        for (Pipeline p : model.pipelines()) {
            List<Instant> times = new ArrayList<>();
            if (p.schedule() instanceof Schedule.Cron cron) {
                for (ZonedDateTime t : FireTimes.next(cron, p.timeZone(), start.minusSeconds(1), maxRuns)) {
                    if (!t.toInstant().isBefore(end)) {
                        break;
                    }
                    times.add(t.toInstant());
                    if (!p.paused()) {
                        active.computeIfAbsent(t.toInstant(), k -> new ArrayList<>()).add(p.id());
                    }
                }
            }
            runs.put(p.id(), times);
        }
        Map<Instant, List<String>> clashes = new TreeMap<>();
        active.forEach((t, ids) -> {
            if (ids.size() > 1) {
                clashes.put(t, List.copyOf(ids));
            }
        });
        return new Window(start, end, runs, clashes);
    }

    /** The clashes grouped by time of day and jobs, in time order. */
    static List<ClashGroup> groups(Window window) {
        Map<String, ClashGroup> groups = new TreeMap<>();
        window.clashes().forEach((t, ids) -> {
            ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
            String key = utc.toLocalTime() + " " + String.join(",", ids);
            groups.computeIfAbsent(key, k -> new ClashGroup(utc.toLocalTime(), ids, new ArrayList<>()))
                    .dates().add(utc.toLocalDate());
        });
        return List.copyOf(groups.values());
    }

    /**
     * One line per pattern: "daily at 00:00, 04:00 UTC: a, b" when the jobs clash at those times on every
     * day of the window that reaches them, "Sundays at 00:00 UTC: a, b" for one weekday, else the dates.
     */
    static List<String> clashLines(Window window) {
        Map<String, List<LocalTime>> daily = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (ClashGroup g : groups(window)) {
            List<LocalDate> possible = datesReaching(window, g.time());
            if (g.dates().size() > 1 && g.dates().equals(possible)) {
                daily.computeIfAbsent(String.join(", ", g.ids()), k -> new ArrayList<>()).add(g.time());
            } else if (g.dates().size() > 1 && g.dates().stream().map(LocalDate::getDayOfWeek).distinct().count() == 1
                    && g.dates().size() == possible.stream().filter(d -> d.getDayOfWeek() == g.dates().get(0).getDayOfWeek()).count()) {
                out.add(capitalised(g.dates().get(0).getDayOfWeek().toString()) + "s at " + g.time() + " UTC: " + String.join(", ", g.ids()));
            } else if (g.dates().size() > 2 && possible.size() - g.dates().size() == 1) {
                LocalDate missing = possible.stream().filter(d -> !g.dates().contains(d)).findFirst().orElseThrow();
                out.add("daily except " + DAY.format(missing) + " at " + g.time() + " UTC: " + String.join(", ", g.ids()));
            } else if (g.dates().size() > 2 && consecutive(g.dates())) {
                out.add("every day from " + DAY.format(g.dates().get(0)) + " to " + DAY.format(g.dates().get(g.dates().size() - 1))
                        + " at " + g.time() + " UTC: " + String.join(", ", g.ids()));
            } else {
                out.add(String.join(", ", g.dates().stream().map(d -> DAY.format(d)).toList()) + " at " + g.time() + " UTC: "
                        + String.join(", ", g.ids()));
            }
        }
        List<String> lines = new ArrayList<>();
        daily.forEach((ids, times) -> lines.add("daily at " + String.join(", ", times.stream().map(LocalTime::toString).toList())
                + " UTC: " + ids));
        lines.addAll(out);
        return lines;
    }

    /** The dates of the window on which the time of day {@code t} (UTC) falls inside it. */
    private static List<LocalDate> datesReaching(Window window, LocalTime t) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = window.start().atZone(ZoneOffset.UTC).toLocalDate(); !d.atStartOfDay(ZoneOffset.UTC).toInstant()
                .isAfter(window.end()); d = d.plusDays(1)) {
            Instant at = d.atTime(t).toInstant(ZoneOffset.UTC);
            if (!at.isBefore(window.start()) && at.isBefore(window.end())) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean consecutive(List<LocalDate> dates) {
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).equals(dates.get(i - 1).plusDays(1))) {
                return false;
            }
        }
        return true;
    }

    private static String capitalised(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }

    static String svg(StackModel model, Window w) {
        List<Pipeline> active = model.pipelines().stream().filter(p -> !p.paused()).toList();
        List<Pipeline> paused = model.pipelines().stream().filter(Pipeline::paused).toList();
        List<String> clashLines = clashLines(w);
        int plotWidth = (int) w.hours() * HOUR;
        int width = LABEL + plotWidth + 20;
        int activeBottom = TOP + active.size() * ROW;
        int pausedTop = activeBottom + (paused.isEmpty() ? 0 : 32);
        int bottom = pausedTop + paused.size() * ROW;
        int listTop = bottom + 30;
        int height = listTop + (clashLines.size() + 1) * LINE + 12;
        StringBuilder s = new StringBuilder();
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " preserveAspectRatio=\"xMinYMin meet\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        s.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s: job starts, %s to %s UTC</text>%n",
                esc(model.settings().stack()), WHEN.format(w.start().atZone(ZoneOffset.UTC)), WHEN.format(w.end().atZone(ZoneOffset.UTC))));
        legend(s, 10, 42);
        axis(s, w, activeBottom, bottom, !paused.isEmpty() ? pausedTop : -1);
        rows(s, w, active, TOP, false, width);
        if (!paused.isEmpty()) {
            s.append(String.format("<text x=\"8\" y=\"%d\" font-weight=\"bold\" fill=\"#666\">paused (no runs until resumed; shown"
                    + " where they would start, never counted as clashes)</text>%n", activeBottom + 22));
            rows(s, w, paused, pausedTop, true, width);
        }
        s.append(String.format("<text x=\"8\" y=\"%d\" font-weight=\"bold\">%s</text>%n", listTop, w.clashes().isEmpty()
                ? "No two active jobs start in the same minute."
                : w.clashes().size() + " minute(s) in which several active jobs start (red), in " + clashLines.size()
                + " pattern(s); spread them with H (see README):"));
        for (int i = 0; i < clashLines.size(); i++) {
            s.append(String.format("<text x=\"20\" y=\"%d\" fill=\"%s\">%s</text>%n", listTop + LINE * (i + 1), CLASH, esc(clashLines.get(i))));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void legend(StringBuilder s, int x, int y) {
        String[][] items = {{START, "job start"}, {CLASH, "starts in the same minute as another active job"},
                {PAUSED, "paused job (would start here)"}};
        int at = x;
        for (String[] item : items) {
            s.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"12\" fill=\"%s\"/>%n", at, y - 10, item[0]));
            s.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", at + 8, y, esc(item[1])));
            at += 24 + item[1].length() * 6;
        }
        s.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#666\">times in UTC; hover a mark for its time</text>%n", at, y));
    }

    /** Day lines and labels, and an hour label every 6 hours; lines skip the gap above the paused rows. */
    private static void axis(StringBuilder s, Window w, int activeBottom, int bottom, int pausedTop) {
        for (long h = 0; h <= w.hours(); h++) {
            ZonedDateTime t = w.start().plus(Duration.ofHours(h)).atZone(ZoneOffset.UTC);
            int x = LABEL + (int) h * HOUR;
            boolean day = t.getHour() == 0 || h == 0;
            if (day || t.getHour() % 6 == 0) {
                String stroke = day ? "#888" : "#ddd";
                line(s, x, day ? TOP - 34 : TOP - 4, activeBottom, stroke);
                if (pausedTop > 0) {
                    line(s, x, pausedTop, bottom, stroke);
                }
            }
            // A day's label where the day starts, and for the first, partial day only if it has room.
            if (day && h < w.hours() - 6 && (t.getHour() == 0 || t.getHour() <= 14)) {
                s.append(String.format("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x + 3, TOP - 22, DAY.format(t)));
            }
            if (t.getHour() % 6 == 0 && h < w.hours()) {
                s.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#555\">%02d:00</text>%n", x + 2, TOP - 6, t.getHour()));
            }
        }
        if (pausedTop > 0) {
            s.append(String.format("<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>%n",
                    activeBottom + 5, LABEL + (int) w.hours() * HOUR, activeBottom + 5));
        }
    }

    private static void line(StringBuilder s, int x, int y1, int y2, String stroke) {
        s.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n", x, y1, x, y2, stroke));
    }

    private static void rows(StringBuilder s, Window w, List<Pipeline> pipelines, int top, boolean paused, int width) {
        for (int i = 0; i < pipelines.size(); i++) {
            Pipeline p = pipelines.get(i);
            int y = top + i * ROW;
            if (i % 2 == 0) {
                s.append(String.format("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6fa\"/>%n", y, width, ROW));
            }
            List<Instant> starts = w.runs().get(p.id());
            s.append(String.format("<text x=\"8\" y=\"%d\" fill=\"%s\">%s (%d)</text>%n", y + 15, paused ? "#888" : "#000",
                    esc(p.id()), starts.size()));
            Set<Instant> drawn = new TreeSet<>();
            for (Instant t : starts) {
                double x = LABEL + Duration.between(w.start(), t).toMinutes() * HOUR / 60.0;
                String color = paused ? PAUSED : w.clashes().containsKey(t) ? CLASH : START;
                if (drawn.add(t)) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"2\" height=\"%d\" fill=\"%s\"><title>%s %s UTC%s</title></rect>%n",
                            x, y + 3, ROW - 6, color, esc(p.id()), WHEN.format(t.atZone(ZoneOffset.UTC)), paused ? " (paused)" : ""));
                }
            }
        }
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
