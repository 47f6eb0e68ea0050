package com.cqc.scheduler.schedule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five fields of a Cloud Scheduler cron and the syntax each accepts (R2.2, R2.4): {@code *},
 * a value, a range {@code a-b}, a step {@code /n} after {@code *} or a range, and lists with {@code ,}.
 * Months and weekdays also take names. Anything else is named in the error with its rule.
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private static final Pattern ITEM = Pattern.compile("(\\*|(\\w+)(?:-(\\w+))?)(?:/(\\w+))?");

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    void check(String field) throws CronSyntaxException {
        rejectUnsupported(field);
        for (String item : field.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw error(field, "'" + item + "' is not a value, a range a-b, * or a step /n", "R2.4");
            }
            boolean star = m.group(1).equals("*");
            if (!star) {
                value(field, m.group(2));
                if (m.group(3) != null) {
                    int lo = value(field, m.group(2));
                    int hi = value(field, m.group(3));
                    if (lo > hi) {
                        throw error(field, "the range " + m.group(2) + "-" + m.group(3) + " runs backwards", "R2.4");
                    }
                }
            }
            if (m.group(4) != null) {
                if (!star && m.group(3) == null) {
                    throw error(field, "a step /n must follow * or a range, not the single value '" + m.group(2) + "'", "R2.4");
                }
                int step = number(field, m.group(4));
                int largest = largestStep(star);
                if (step < 1 || step > largest) {
                    throw error(field, "the step /" + step + " is outside 1.." + largest + (largest < max ? " after a range" : ""), "R2.4");
                }
            }
        }
    }

    /**
     * A step may be as large as the field's largest value, as crontab and cron-utils (which computes the runs) take
     * it: {@code *}{@code /59} minutes, not {@code /60}. After a day-of-week range cron-utils reads a step of 7 as
     * Sunday's 0 and fails, so there the largest is 6 ({@code *}{@code /7} is fine).
     */
    private int largestStep(boolean afterStar) {
        return this == DAY_OF_WEEK && !afterStar ? max - 1 : max;
    }

    private void rejectUnsupported(String field) throws CronSyntaxException {
        if (field.isEmpty()) {
            throw error(field, "it is empty", "R2.2");
        }
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.matches(".*\\bL\\b.*|.*\\dL\\b.*|.*\\bLW\\b.*")) {
            throw error(field, "'L' (last) is not supported by Cloud Scheduler", "R2.5");
        }
        for (String token : List.of("?", "#")) {
            if (field.contains(token)) {
                throw error(field, "'" + token + "' is not part of unix-cron; Cloud Scheduler does not document it", "R2.6");
            }
        }
        if (upper.matches(".*\\dW\\b.*|\\bW\\b")) {
            throw error(field, "'W' (nearest weekday) is not part of unix-cron; Cloud Scheduler does not document it", "R2.6");
        }
    }

    private int value(String field, String token) throws CronSyntaxException {
        String upper = token.toUpperCase(Locale.ROOT);
        int index = names.indexOf(upper);
        if (index >= 0) {
            return this == MONTH ? index + 1 : index;
        }
        int value = number(field, token);
        if (value < min || value > max) {
            throw error(field, "the value " + value + " is outside " + min + "-" + max + allowedNames(), "R2.2");
        }
        return value;
    }

    private int number(String field, String token) throws CronSyntaxException {
        if (!token.matches("\\d{1,4}")) {
            throw error(field, "'" + token + "' is not a number" + allowedNames(), "R2.2");
        }
        return Integer.parseInt(token);
    }

    private String allowedNames() {
        return names.isEmpty() ? "" : " or a name " + names.get(0) + ".." + names.get(names.size() - 1);
    }

    private CronSyntaxException error(String field, String reason, String rule) {
        return new CronSyntaxException("the " + label + " field '" + field + "': " + reason
                + " (allowed: " + min + "-" + max + allowedNames() + ", *, a-b, */n, a-b/n, lists with ,)", rule);
    }
}
