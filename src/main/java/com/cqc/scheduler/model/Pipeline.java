package com.cqc.scheduler.model;

import com.cqc.scheduler.schedule.Schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled CQC pipeline in one stack, validated: everything the component needs, no Pulumi type.
 *
 * @param id               the job id (R1.2), also the component name
 * @param region           the job's location: the stack's region, or the App Engine app's for App
 *                         Engine targets (R1.7)
 * @param serviceAccountId the invoker service account id (R11.1), present exactly when the target
 *                         sends a token
 * @param formerIds        ids the pipeline had before a rename: its resources keep their state
 */
public record Pipeline(String id, String region, String description, Schedule schedule, ZoneId timeZone, Target target,
                       RetryPolicy retry, boolean paused, Optional<String> serviceAccountId,
                       Map<String, String> labels, List<String> formerIds) {
    public Pipeline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(serviceAccountId, "serviceAccountId");
        labels = Map.copyOf(labels);
        formerIds = List.copyOf(formerIds);
    }
}
