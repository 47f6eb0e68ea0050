package com.cqc.scheduler.model;

import java.util.Objects;

/**
 * One finding of validation: where (the config path), what is wrong with which value and what is
 * allowed, and the rule of docs/rules.md it cites. Rendered as
 * {@code pipelines.daily-backup.retry.count: 9 is outside 0..5 (R5.1)}: always one line, since messages
 * echo what users wrote, which may hold line breaks and other control characters (shown escaped).
 */
public record Problem(Severity severity, String path, String message, String rule) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        path = oneLine(path);
        message = oneLine(message);
    }

    /** Control characters escaped as in Java source (backslash and n, r, t, or u and four hex digits); the rest as it is. */
    static String oneLine(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c));
            }
        });
        return out.toString();
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
