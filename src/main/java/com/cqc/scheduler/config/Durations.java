package com.cqc.scheduler.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them ({@code 180s}, {@code 3.5s}, {@code 30m}, {@code 1h30m}, {@code 7d}) and
 * as the API takes them: protobuf Duration strings in seconds ({@code "180s"}, {@code "3.5s"}).
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d{1,9})?[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d{1,9})?)([dhms])");

    private Durations() {}

    /** Parses a duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            BigDecimal unit = switch (m.group(2)) {
                case "d" -> BigDecimal.valueOf(86_400);
                case "h" -> BigDecimal.valueOf(3_600);
                case "m" -> BigDecimal.valueOf(60);
                default -> BigDecimal.ONE;
            };
            seconds = seconds.add(new BigDecimal(m.group(1)).multiply(unit));
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Duration.ofSeconds(whole, nanos));
    }

    /** The API form: seconds with up to nine fractional digits and an {@code s}. */
    public static String toApi(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros();
        return seconds.toPlainString() + "s";
    }

    /** A short human form for messages, e.g. {@code 30m} or {@code 24h15s}. */
    public static String human(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long s = duration.getSeconds();
        if (s >= 86_400 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s >= 3_600) {
            out.append(s / 3_600).append('h');
            s %= 3_600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || duration.getNano() > 0 || out.length() == 0) {
            out.append(toApi(Duration.ofSeconds(s, duration.getNano())));
        }
        return out.toString();
    }
}
