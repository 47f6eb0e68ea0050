package com.cqc.scheduler.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A complete retry configuration (R5.x). Always sent with all five fields (P2), so that a zero retry
 * count is applied and nothing drifts to the API's defaults.
 *
 * @param count            retry_count, 0..5 (R5.1)
 * @param maxRetryDuration 0 means unlimited (R5.2)
 * @param minBackoff       first wait (R5.3)
 * @param maxBackoff       longest wait (R5.4)
 * @param maxDoublings     doublings before the wait grows linearly (R5.5, R5.6)
 */
public record RetryPolicy(int count, Duration maxRetryDuration, Duration minBackoff, Duration maxBackoff, int maxDoublings) {
    /** The API's own defaults (R5.1-R5.5). */
    public static final RetryPolicy API_DEFAULTS =
            new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(5), Duration.ofHours(1), 5);

    public RetryPolicy {
        Objects.requireNonNull(maxRetryDuration, "maxRetryDuration");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }
}
