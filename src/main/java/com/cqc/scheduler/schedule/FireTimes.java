package com.cqc.scheduler.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a cron schedule fires in a zone. Cloud Scheduler runs on wall-clock time (R3.3), so matching
 * happens on local date-times and each match becomes every instant that shows that local time: none
 * when DST skips it, two when DST repeats it. {@link DstHazards} warns about both.
 */
public final class FireTimes {
    /** Longest DST shift in the tz database is 2 hours; start the wall-clock search this far back. */
    private static final long MAX_SHIFT_HOURS = 3;

    private FireTimes() {}

    /** The next {@code count} fire times strictly after {@code from}, in the schedule's zone. */
    public static List<ZonedDateTime> next(Schedule.Cron schedule, ZoneId zone, Instant from, int count) {
        List<ZonedDateTime> result = new ArrayList<>(count);
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone).minusHours(MAX_SHIFT_HOURS)
                .truncatedTo(ChronoUnit.MINUTES);
        // A schedule such as "0 0 30 2 *" never matches; cron-utils then gives up and returns empty.
        while (result.size() < count) {
            Optional<LocalDateTime> match = schedule.nextAfter(cursor);
            if (match.isEmpty()) {
                break;
            }
            cursor = match.get();
            for (ZoneOffset offset : zone.getRules().getValidOffsets(cursor)) {
                ZonedDateTime at = ZonedDateTime.ofStrict(cursor, offset, zone);
                if (at.toInstant().isAfter(from) && result.size() < count) {
                    result.add(at);
                }
            }
        }
        // In a repeated hour the later offset comes first in getValidOffsets order for some zones: sort by instant.
        result.sort((a, b) -> a.toInstant().compareTo(b.toInstant()));
        return List.copyOf(result);
    }
}
