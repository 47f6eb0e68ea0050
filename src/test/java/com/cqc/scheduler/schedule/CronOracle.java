package com.cqc.scheduler.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An independent cron implementation for tests: it expands each field to a set and scans instants
 * minute by minute, converting each to the zone's wall clock. It shares no code with the production
 * path (cron-utils on wall-clock times mapped through zone rules), so agreement means something.
 */
final class CronOracle {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    CronOracle(String cron) {
        String[] f = cron.trim().split("\\s+");
        minutes = expand(f[0], 0, 59, List.of(), 0);
        hours = expand(f[1], 0, 23, List.of(), 0);
        daysOfMonth = expand(f[2], 1, 31, List.of(), 0);
        months = expand(f[3], 1, 12, MONTHS, 1);
        daysOfWeek = expand(f[4], 0, 7, DAYS, 0);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        domRestricted = !f[2].equals("*");
        dowRestricted = !f[4].equals("*");
    }

    boolean matches(LocalDateTime t) {
        if (!minutes.get(t.getMinute()) || !hours.get(t.getHour()) || !months.get(t.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        return domRestricted && dowRestricted ? dom || dow : dom && dow;
    }

    /** The first {@code count} instants after {@code from} whose wall-clock time in {@code zone} matches. */
    List<ZonedDateTime> next(ZoneId zone, Instant from, int count, int maxDays) {
        List<ZonedDateTime> out = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant end = from.plus(maxDays, ChronoUnit.DAYS);
        while (out.size() < count && t.isBefore(end)) {
            ZonedDateTime local = t.atZone(zone);
            if (matches(local.toLocalDateTime())) {
                out.add(local);
            }
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        return out;
    }

    private static BitSet expand(String field, int min, int max, List<String> names, int nameBase) {
        BitSet set = new BitSet();
        for (String item : field.toUpperCase(Locale.ROOT).split(",")) {
            String range = item;
            int step = 1;
            if (item.contains("/")) {
                range = item.substring(0, item.indexOf('/'));
                step = Integer.parseInt(item.substring(item.indexOf('/') + 1));
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                lo = value(range.substring(0, range.indexOf('-')), names, nameBase);
                hi = value(range.substring(range.indexOf('-') + 1), names, nameBase);
            } else {
                lo = value(range, names, nameBase);
                hi = lo;
            }
            for (int v = lo; v <= hi; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String token, List<String> names, int nameBase) {
        int i = names.indexOf(token);
        return i >= 0 ? i + nameBase : Integer.parseInt(token);
    }
}
