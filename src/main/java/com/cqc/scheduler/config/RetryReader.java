package com.cqc.scheduler.config;

import com.cqc.scheduler.model.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A pipeline's retry policy (R5.x): its own fields over the defaults', the API's defaults for the rest. */
final class RetryReader {
    private static final List<String> RETRY_KEYS = List.of("count", "maxRetryDuration", "minBackoff", "maxBackoff",
            "maxDoublings");

    private RetryReader() {}

    /**
     * Checks the {@code retry} of {@code owner}, a pipeline or the defaults: one error when it is not a map
     * ({@code retry: 3}), one per unknown key; whether it can be merged (absent, or a map). The defaults' are
     * checked once, where they are written, not in every pipeline they are merged into.
     */
    static boolean check(ConfigNode owner) {
        Optional<ConfigNode> retry = owner.object("retry");
        retry.ifPresent(r -> r.allowOnly(RETRY_KEYS));
        return retry.isPresent() || !owner.has("retry");
    }

    /**
     * The pipeline's retry policy: its own fields over the defaults', which {@link DefaultsReader} checked once and
     * kept only where sound, so what is wrong here is the pipeline's.
     */
    static Optional<RetryPolicy> read(ConfigNode n, ConfigNode defaults, Problems problems) {
        if (!check(n)) {
            return Optional.empty();
        }
        ObjectNode merged = CatalogMerge.merged(defaults.raw("retry"), n.raw("retry"));
        return Optional.of(policy(new ConfigNode(merged, n.path("retry"), problems), n.raw("retry"), problems));
    }

    /** The values of the defaults' retry, checked once where they are written (their keys by {@link #check}). */
    static void checkDefaults(ConfigNode defaults, Problems problems) {
        policy(new ConfigNode(defaults.raw("retry"), defaults.path("retry"), problems), defaults.raw("retry"), problems);
    }

    /**
     * The policy of the retry map {@code r}, each value checked at its path; {@code own} is what its owner wrote,
     * whose warning about two values together (R5.7) it is only when it wrote one of them.
     */
    private static RetryPolicy policy(ConfigNode r, JsonNode own, Problems problems) {
        RetryPolicy api = RetryPolicy.API_DEFAULTS;
        int count = r.integer("count").orElse(api.count());
        if (count < 0 || count > 5) {
            problems.error(r.path("count"), count + " is outside 0..5", "R5.1");
        }
        Duration maxRetry = r.duration("maxRetryDuration").orElse(api.maxRetryDuration());
        Duration minBackoff = r.duration("minBackoff").orElse(api.minBackoff());
        Duration maxBackoff = r.duration("maxBackoff").orElse(api.maxBackoff());
        int doublings = r.integer("maxDoublings").orElse(api.maxDoublings());
        if (doublings < 0) {
            problems.error(r.path("maxDoublings"), doublings + " is negative; it counts doublings (0 or more)", "R5.5");
        }
        // P15: the provider never sends a zero nested field, and the API fills in its own default; where that
        // default is not zero the job keeps the API's value and differs from the code forever.
        if (minBackoff.isZero()) {
            unsendableZero(r, "minBackoff", "0s", Durations.human(api.minBackoff()), "write 1s or more", problems);
        }
        if (maxBackoff.isZero()) {
            unsendableZero(r, "maxBackoff", "0s", Durations.human(api.maxBackoff()), "write 1s or more", problems);
        }
        if (doublings == 0) {
            unsendableZero(r, "maxDoublings", "0", String.valueOf(api.maxDoublings()), "write 1 or more; for a"
                    + " constant wait set minBackoff equal to maxBackoff", problems);
        }
        boolean ownsBackoff = own != null && (own.has("minBackoff") || own.has("maxBackoff"));
        if (minBackoff.compareTo(maxBackoff) > 0 && ownsBackoff) {
            problems.warning(r.path("minBackoff"), r.text("minBackoff").orElse(Durations.human(minBackoff))
                    + " is longer than maxBackoff " + r.text("maxBackoff").orElse(Durations.human(maxBackoff))
                    + " (API rule UNCONFIRMED)", "R5.7");
        }
        return new RetryPolicy(count, maxRetry, minBackoff, maxBackoff, doublings);
    }

    private static void unsendableZero(ConfigNode retry, String key, String zero, String apiDefault, String instead,
                                       Problems problems) {
        problems.error(retry.path(key), zero + " cannot be set: the gcp provider leaves a zero out and the API then"
                + " applies its default " + apiDefault + ", so the job would never match the code; " + instead, "P15");
    }
}
