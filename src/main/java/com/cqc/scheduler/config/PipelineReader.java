package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.RetryPolicy;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads one pipeline of the merged catalog (see {@link CatalogMerge}) into a {@link Pipeline}: its own
 * fields here, each part with rules of its own in its reader (schedule, target, retry, names, labels,
 * size). Every problem is recorded; the pipeline is returned only when the parts it needs are sound.
 */
final class PipelineReader {
    private static final List<String> PIPELINE_KEYS = Stream.of(List.of("description", "schedule", "timeZone"),
                    Target.Kind.catalogKeys(), List.of("retry", "attemptDeadline", "paused", "enabled", "serviceAccount",
                            "labels", "formerIds"))
            .flatMap(List::stream).toList();
    private static final Duration API_DEADLINE = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final ConfigNode defaults;
    private final Problems problems;
    private final ScheduleReader schedules;
    private final TargetReader targets;

    PipelineReader(Instant now, StackSettings settings, ConfigNode defaults, Problems problems) {
        this.settings = settings;
        this.defaults = defaults;
        this.problems = problems;
        this.schedules = new ScheduleReader(now, problems);
        Placeholders placeholders = new Placeholders(Map.of("project", settings.project(), "projectNumber",
                settings.projectNumber(), "region", settings.region(), "environment", settings.environment(),
                "stack", settings.stack()));
        this.targets = new TargetReader(settings, problems, placeholders);
    }

    /** The pipeline {@code id}, or empty when it has errors (already recorded). */
    Optional<Pipeline> read(String id, ConfigNode n) {
        n.allowOnly(PIPELINE_KEYS);
        PipelineNames.checkId(id, n, problems);
        PlainTextCredentials.check(n, problems);
        String description = n.text("description").orElse("");
        if (description.length() > 500) {
            problems.error(n.path("description"), "is " + description.length() + " characters long; at most 500", "R9.1");
        }
        Optional<Schedule> schedule = schedules.schedule(id, n);
        Optional<ZoneId> zone = schedules.timeZone(n, defaults);
        if (schedule.isPresent() && schedule.get() instanceof Schedule.Cron cron && zone.isPresent()) {
            schedules.dstWarning(n, cron, zone.get());
        }
        boolean pubsub = n.has(Target.Kind.PUBSUB.catalogKey());
        if (pubsub && n.has("attemptDeadline")) {
            problems.error(n.path("attemptDeadline"), "is ignored by the API for Pub/Sub targets and would show as a"
                    + " permanent diff; remove it", "R4.4");
        }
        Optional<Duration> deadline = pubsub ? Optional.empty()
                : n.duration("attemptDeadline").or(() -> defaults.duration("attemptDeadline")).or(() -> Optional.of(API_DEADLINE));
        Optional<Target> target = targets.read(n, deadline, written(n, "attemptDeadline"));
        Optional<RetryPolicy> retry = RetryReader.read(n, defaults, problems);
        boolean paused = n.bool("paused").orElse(false);
        Optional<String> serviceAccount = target.filter(t -> t.auth().sendsToken())
                .map(t -> PipelineNames.serviceAccountId(id, n, problems));
        Map<String, String> labels = Labels.read(id, n, defaults, settings, problems);
        String region = target.map(t -> t.match(http -> settings.region(), pubsubTarget -> settings.region(),
                appEngine -> appEngineRegion(n))).orElse(settings.region());
        target.ifPresent(t -> JobSize.check(n, t, problems));
        if (schedule.isEmpty() || zone.isEmpty() || target.isEmpty() || retry.isEmpty()) {
            return Optional.empty();
        }
        List<String> formerIds = PipelineNames.formerIds(id, n, problems);
        return Optional.of(new Pipeline(id, region, description, schedule.get(), zone.get(), target.get(), retry.get(),
                paused, serviceAccount, labels, formerIds));
    }

    /** An App Engine target's job lives in the App Engine app's region (R1.7), which only the stack knows. */
    private String appEngineRegion(ConfigNode n) {
        if (settings.appEngineRegion().isEmpty()) {
            problems.error(n.path(Target.Kind.APP_ENGINE.catalogKey()), "an App Engine target job must live in the"
                    + " App Engine app's region, which only the stack knows; set cqc-scheduler:appEngineRegion in the"
                    + " stack file", "R1.7");
        }
        return settings.appEngineRegion();
    }

    /** A value as the user wrote it ({@code 1860s}, not {@code 31m}), naming defaults when it came from there. */
    private String written(ConfigNode n, String key) {
        if (n.has(key)) {
            return "'" + n.raw(key).asText() + "'";
        }
        return defaults.has(key) ? "'" + defaults.raw(key).asText() + "' (from " + defaults.path(key)
                + problems.setIn(defaults.path(key)).map(file -> ", set in " + file).orElse("") + ")" : null;
    }
}
