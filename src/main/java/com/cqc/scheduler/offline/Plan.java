package com.cqc.scheduler.offline;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.schedule.FireTimes;
import com.cqc.scheduler.schedule.Schedule;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offline answer to "what would {@code pulumi preview} create, and when will it run": the validated
 * stack, every resource the program registers on the emulator, and each job's next fire times.
 */
public record Plan(StackModel model, List<PlannedResource> resources, Map<String, List<ZonedDateTime>> nextRuns) {
    public static final int DEFAULT_RUNS = 5;

    public Plan {
        Objects.requireNonNull(model, "model");
        resources = List.copyOf(resources);
        nextRuns = Map.copyOf(nextRuns);
    }

    /** Runs the program offline and computes {@code runs} fire times per job after {@code from}. */
    public static Plan of(StackModel model, Instant from, int runs) {
        return new Plan(model, OfflineEngine.plan(model), nextRuns(model, from, runs));
    }

    /** Fire times per pipeline id; legacy-format schedules have none (R2.8). */
    public static Map<String, List<ZonedDateTime>> nextRuns(StackModel model, Instant from, int runs) {
        Map<String, List<ZonedDateTime>> out = new LinkedHashMap<>();
        for (Pipeline p : model.pipelines()) {
            out.put(p.id(), p.schedule() instanceof Schedule.Cron cron
                    ? FireTimes.next(cron, p.timeZone(), from, runs) : List.of());
        }
        return out;
    }

    /** The resources of one pipeline, in registration order. */
    public List<PlannedResource> resourcesOf(String pipelineId) {
        return resources.stream().filter(r -> pipelineId.equals(r.pipeline())).toList();
    }

    /** Resources that belong to no pipeline (stack-wide: APIs, alerting). */
    public List<PlannedResource> stackResources() {
        return resources.stream().filter(r -> r.pipeline() == null).toList();
    }
}
