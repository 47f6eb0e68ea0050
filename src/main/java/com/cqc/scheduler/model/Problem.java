package com.cqc.scheduler.model;

import java.util.Objects;

/**
 * One finding of validation: where (the config path), what is wrong with which value and what is
 * allowed, and the rule of docs/rules.md it cites. Rendered as
 * {@code pipelines.daily-backup.retry.count: 9 is outside 0..5 (R5.1)}.
 */
public record Problem(Severity severity, String path, String message, String rule) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, String message, String rule) {
        return new Problem(Severity.ERROR, path, message, rule);
    }

    public static Problem warning(String path, String message, String rule) {
        return new Problem(Severity.WARNING, path, message, rule);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ": " + message + (rule == null ? "" : " (" + rule + ")");
    }
}
