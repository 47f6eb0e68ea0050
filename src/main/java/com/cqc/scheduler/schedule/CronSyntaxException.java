package com.cqc.scheduler.schedule;

/** A schedule that Cloud Scheduler would reject; the message says what is wrong and what is allowed. */
public final class CronSyntaxException extends Exception {
    private final String rule;

    public CronSyntaxException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    /** The rule id of docs/rules.md that the schedule breaks, e.g. {@code R2.5}. */
    public String rule() {
        return rule;
    }
}
