package com.cqc.scheduler.schedule;

import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.cronutils.model.CronType.UNIX;

/**
 * A Cloud Scheduler schedule: a unix-cron expression (R2.2-R2.7) or the legacy English format (R2.8).
 * Parsing checks the Cloud Scheduler dialect itself, so that an error names the field and the rule;
 * the cron maths (matching and the next match) is cron-utils' on wall-clock time.
 */
public sealed interface Schedule permits Schedule.Cron, Schedule.Legacy {

    /** The schedule as written in the catalog or stack file. */
    String declared();

    /** The schedule sent to Cloud Scheduler (H tokens resolved). */
    String expression();

    /**
     * Parses a schedule; {@code seed} (the pipeline id) resolves H tokens.
     *
     * @throws CronSyntaxException with the reason and the rule when Cloud Scheduler would reject it
     */
    static Schedule parse(String declared, String seed) throws CronSyntaxException {
        String text = declared == null ? "" : declared.trim();
        if (text.isEmpty()) {
            throw new CronSyntaxException("a schedule is required, e.g. '0 3 * * *'", "R2.1");
        }
        if (Legacy.FORMAT.matcher(text).matches()) {
            return new Legacy(text);
        }
        return Cron.parse(text, seed);
    }

    /** A unix-cron schedule. */
    record Cron(String declared, String expression, ExecutionTime executionTime) implements Schedule {
        private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(UNIX));

        static Cron parse(String text, String seed) throws CronSyntaxException {
            if (text.startsWith("@")) {
                throw new CronSyntaxException("'" + text + "' is a macro; Cloud Scheduler takes 5 cron fields,"
                        + " e.g. '0 0 * * *' instead of @daily", "R2.6");
            }
            String[] fields = text.split("\\s+");
            if (fields.length != 5) {
                throw new CronSyntaxException("'" + text + "' has " + fields.length + " fields; Cloud Scheduler takes"
                        + " exactly 5 (minute hour day-of-month month day-of-week), no seconds or year field", "R2.2");
            }
            fields[0] = Spread.resolve(fields[0], "minute", 0, 59, seed);
            fields[1] = Spread.resolve(fields[1], "hour", 0, 23, seed);
            for (CronField field : CronField.values()) {
                field.check(fields[field.ordinal()]);
            }
            String expression = String.join(" ", fields);
            try {
                return new Cron(text, expression, ExecutionTime.forCron(PARSER.parse(forCronUtils(fields))));
            } catch (IllegalArgumentException e) {
                throw new CronSyntaxException("'" + text + "' is not a valid cron expression: " + e.getMessage(), "R2.2");
            }
        }

        /**
         * The expression as cron-utils reads it: cron-utils takes SUN as 7, so a range that starts on Sunday
         * ({@code SUN-SAT}, documented by Google) would run backwards; it starts at 0 instead. The API gets
         * the expression as written.
         */
        private static String forCronUtils(String[] fields) {
            String[] copy = fields.clone();
            copy[4] = copy[4].replaceAll("(?i)(^|,)SUN(?=-)", "$10");
            return String.join(" ", copy);
        }

        /** The first wall-clock minute strictly after {@code wallClock} that matches, if any. */
        public Optional<LocalDateTime> nextAfter(LocalDateTime wallClock) {
            return executionTime().nextExecution(ZonedDateTime.of(wallClock, ZoneOffset.UTC))
                    .map(ZonedDateTime::toLocalDateTime);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cron other && declared.equals(other.declared) && expression.equals(other.expression);
        }

        @Override
        public int hashCode() {
            return expression.hashCode();
        }
    }

    /** The legacy English format ("every 24 hours"): accepted by the API, not recommended (R2.8). */
    record Legacy(String declared) implements Schedule {
        static final Pattern FORMAT = Pattern.compile(
                "(?i)(every|first|second|third|fourth|fifth|last|\\d+(st|nd|rd|th))\\b.*");

        @Override
        public String expression() {
            return declared;
        }
    }
}
