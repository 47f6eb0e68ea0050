package com.cqc.scheduler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a cron schedule fires in a zone. Cloud Scheduler runs on wall-clock time (R3.3), so matching
 * happens on local date-times and each match becomes every instant that shows that local time: none
 * when DST skips it, two when DST repeats it. {@link DstHazards} warns about both.
 */
public final class FireTimes {
    /** More than the longest DST shift in the tz database (2 hours): how far wall clock and instant order can disagree. */
    private static final Duration MAX_SHIFT = Duration.ofHours(3);

    private FireTimes() {}

    /** The next {@code count} fire times strictly after {@code from}, in the schedule's zone. */
    public static List<ZonedDateTime> next(Schedule.Cron schedule, ZoneId zone, Instant from, int count) {
        List<ZonedDateTime> found = new ArrayList<>();
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone).minus(MAX_SHIFT).truncatedTo(ChronoUnit.MINUTES);
        Comparator<ZonedDateTime> byInstant = Comparator.comparing(ZonedDateTime::toInstant);
        // Wall-clock matches come in order, but their instants only within MAX_SHIFT of it: a repeated
        // hour yields 01:00 BST, 01:00 GMT, 01:20 BST... So keep going until no later match can come first.
        // A schedule such as "0 0 30 2 *" never matches; cron-utils then gives up and returns empty.
        while (count > 0) {
            Optional<LocalDateTime> match = schedule.nextAfter(cursor);
            if (match.isEmpty()) {
                break;
            }
            cursor = match.get();
            for (ZoneOffset offset : zone.getRules().getValidOffsets(cursor)) {
                ZonedDateTime at = ZonedDateTime.ofStrict(cursor, offset, zone);
                if (at.toInstant().isAfter(from)) {
                    found.add(at);
                }
            }
            if (found.size() >= count) {
                found.sort(byInstant);
                Instant last = found.get(count - 1).toInstant();
                if (ZonedDateTime.of(cursor, zone).toInstant().minus(MAX_SHIFT).isAfter(last)) {
                    break;
                }
            }
        }
        found.sort(byInstant);
        return List.copyOf(found.subList(0, Math.min(count, found.size())));
    }
}
