package com.cqc.scheduler.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Jenkins-style {@code H} tokens in the minute and hour fields to a fixed value derived from
 * a seed (the pipeline id), so that jobs written as "some time in hour 3" spread out instead of all
 * firing at :00. The value is a SHA-256 of {@code seed + "/" + field}: stable across runs, machines
 * and JVMs, and different for minute and hour.
 *
 * <p>Forms: {@code H}, {@code H(a-b)}, {@code H/n}, {@code H(a-b)/n}.
 */
final class Spread {
    private static final Pattern TOKEN = Pattern.compile("H(?:\\((\\d+)-(\\d+)\\))?(?:/(\\d+))?");

    private Spread() {}

    /** Returns the field with its H token resolved, or the field unchanged when it has none. */
    static String resolve(String field, String fieldName, int min, int max, String seed) throws CronSyntaxException {
        if (!field.contains("H")) {
            return field;
        }
        Matcher m = TOKEN.matcher(field);
        if (!m.matches()) {
            throw new CronSyntaxException("the " + fieldName + " field '" + field
                    + "' uses H in a form that is not supported; use H, H(a-b), H/n or H(a-b)/n", "R2.4");
        }
        int lo = m.group(1) == null ? min : Integer.parseInt(m.group(1));
        int hi = m.group(2) == null ? max : Integer.parseInt(m.group(2));
        if (lo < min || hi > max || lo > hi) {
            throw new CronSyntaxException("the " + fieldName + " field '" + field + "' has the range " + lo + "-" + hi
                    + ", allowed is a range within " + min + "-" + max, "R2.2");
        }
        long hash = hash(seed + "/" + fieldName);
        if (m.group(3) == null) {
            return Integer.toString(lo + (int) (hash % (hi - lo + 1)));
        }
        int step = Integer.parseInt(m.group(3));
        if (step < 1 || step > hi - lo + 1) {
            throw new CronSyntaxException("the " + fieldName + " field '" + field + "' has the step " + step
                    + ", allowed is 1.." + (hi - lo + 1), "R2.4");
        }
        int start = lo + (int) (hash % step);
        return start + "-" + hi + "/" + step;
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 7; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
