package com.cqc.scheduler.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In an hour that DST repeats, a schedule fires at both instants of each local time, and the fire
 * times come out in the order they happen, not in wall-clock order. Schedules are equal when they
 * were written alike and resolve alike.
 */
class RepeatedHourTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static List<Instant> next(String cron, String from, int count) throws Exception {
        return FireTimes.next((Schedule.Cron) Schedule.parse(cron, "p"), LONDON, Instant.parse(from), count).stream()
                .map(ZonedDateTime::toInstant).toList();
    }

    @Test
    void eachLocalTimeOfTheRepeatedHourFiresTwiceInTheOrderOfTheInstants() throws Exception {
        // 25 October 2026: 01:00-01:59 in London happens first in BST (00:00Z) and again in GMT (01:00Z).
        assertThat(next("0,30 1 * * *", "2026-10-24T23:00:00Z", 4)).containsExactly(
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(next("0,30 1 * * *", "2026-10-24T23:00:00Z", 3)).containsExactly(
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(next("0,30 1 * * *", "2026-10-24T23:00:00Z", 2)).containsExactly(
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void schedulesAreEqualWhenWrittenAndResolvedAlike() throws Exception {
        Schedule a = Schedule.parse("0 3 * * *", "a");
        Schedule b = Schedule.parse("0 3 * * *", "b");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Schedule.parse("0 4 * * *", "a"));
        assertThat(a).isNotEqualTo(Schedule.parse("0  3 * * *", "a"));
        assertThat(Schedule.parse("H 3 * * *", "daily-backup")).isNotEqualTo(Schedule.parse("H 3 * * *", "weekly-sync"));
        assertThat(a).isNotEqualTo(Schedule.parse("every 24 hours", "a"));
    }
}
