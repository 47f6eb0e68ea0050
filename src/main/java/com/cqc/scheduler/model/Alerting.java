package com.cqc.scheduler.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a stack hears about failing jobs: an alert when one job has at least {@code failedAttempts}
 * failed attempts within {@code window}, sent to e-mail channels this stack creates, to existing
 * channels it names (an on-call rotation), and optionally to Slack (its token is a Pulumi secret).
 */
public record Alerting(boolean enabled, int failedAttempts, Duration window, List<String> emails,
                       List<String> channels, Optional<String> slackChannel) {
    /** The stack config key of the Slack token: set only with {@code pulumi config set --secret}. */
    public static final String SLACK_TOKEN_KEY = "cqc-scheduler:slackAuthToken";

    public static final Alerting OFF = new Alerting(false, 1, Duration.ofMinutes(5), List.of(), List.of(), Optional.empty());

    public Alerting {
        Objects.requireNonNull(window, "window");
        emails = List.copyOf(emails);
        channels = List.copyOf(channels);
        Objects.requireNonNull(slackChannel, "slackChannel");
    }
}
