package com.cqc.scheduler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the wall-clock times at which a schedule would fire inside a DST change of its zone (R3.3):
 * a local time skipped in spring (the run may not happen) or repeated in autumn (it may run twice).
 */
public final class DstHazards {
    private DstHazards() {}

    /** A local time at which the schedule fires that does not exist ({@code skipped}) or exists twice. */
    public record Hazard(LocalDateTime localTime, boolean skipped) {
        @Override
        public String toString() {
            return localTime + (skipped ? " (skipped)" : " (repeated)");
        }
    }

    /** Every hazard of the schedule between {@code from} and {@code from + horizon}. */
    public static List<Hazard> find(Schedule.Cron schedule, ZoneId zone, Instant from, Duration horizon) {
        ZoneRules rules = zone.getRules();
        Instant end = from.plus(horizon);
        List<Hazard> hazards = new ArrayList<>();
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(end)) {
            LocalDateTime start = transition.isGap() ? transition.getDateTimeBefore() : transition.getDateTimeAfter();
            LocalDateTime stop = transition.isGap() ? transition.getDateTimeAfter() : transition.getDateTimeBefore();
            // Ask for matches inside the window rather than testing each minute: one cron-utils call per
            // match instead of sixty per hour (this runs for every pipeline in a DST zone on every load).
            for (Optional<LocalDateTime> t = schedule.nextAfter(start.minusMinutes(1));
                 t.isPresent() && t.get().isBefore(stop); t = schedule.nextAfter(t.get())) {
                hazards.add(new Hazard(t.get(), transition.isGap()));
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return List.copyOf(hazards);
    }
}
