package com.cqc.scheduler.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A request body or Pub/Sub message as the user wrote it: plain text, or a YAML object rendered as
 * compact JSON. The API wants base64 (R7.4, P5): {@link #base64()} is the one place that encodes.
 */
public record Payload(String text, boolean json) {
    public Payload {
        Objects.requireNonNull(text, "text");
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a base64 value the API holds, the inverse of {@link #base64()}. */
    public static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    public int sizeBytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
