package com.cqc.scheduler.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FireTimesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> schedulesAroundDst() {
        List<String> crons = List.of("30 1 * * *", "0 2 * * *", "15 2 * * *", "0 * * * *", "*/20 1-3 * * *",
                "0 9 1 * *", "0 0 * * 0", "0 12 13 * 5", "0 0 * JAN,MAR-MAY MON-FRI", "5 4 * * 7", "0 */4 * * *",
                "59 23 31 * *");
        // Days before the DST changes of 2026/2027 in both zones.
        List<String> starts = List.of("2027-03-27T00:00:00Z", "2026-10-24T00:00:00Z",   // London: Mar 28, Oct 25
                "2027-03-13T00:00:00Z", "2026-10-31T00:00:00Z");                       // New York: Mar 14, Nov 1
        return crons.stream().flatMap(c -> starts.stream().flatMap(s -> Stream.of(
                Arguments.of(c, LONDON, s), Arguments.of(c, NEW_YORK, s))));
    }

    @ParameterizedTest(name = "{0} in {1} from {2}")
    @MethodSource("schedulesAroundDst")
    void agreesWithAnIndependentMinuteScanAcrossDstChanges(String cron, ZoneId zone, String start) throws Exception {
        Instant from = Instant.parse(start);
        Schedule.Cron schedule = (Schedule.Cron) Schedule.parse(cron, "seed");
        List<ZonedDateTime> expected = new CronOracle(cron).next(zone, from, 12, 800);

        List<ZonedDateTime> actual = FireTimes.next(schedule, zone, from, 12);

        assertThat(actual).extracting(ZonedDateTime::toInstant)
                .containsExactlyElementsOf(expected.stream().map(ZonedDateTime::toInstant).toList());
    }

    @Test
    void aLocalTimeSkippedInSpringDoesNotFireAndARepeatedOneFiresTwice() throws Exception {
        Schedule.Cron halfPastOne = (Schedule.Cron) Schedule.parse("30 1 * * *", "x");

        List<ZonedDateTime> spring = FireTimes.next(halfPastOne, LONDON, Instant.parse("2027-03-27T00:00:00Z"), 2);
        List<ZonedDateTime> autumn = FireTimes.next(halfPastOne, LONDON, Instant.parse("2026-10-24T12:00:00Z"), 3);

        // 2027-03-28 01:30 does not exist in London: the next run is on the 29th.
        assertThat(spring).extracting(Object::toString).containsExactly(
                "2027-03-27T01:30Z[Europe/London]", "2027-03-29T01:30+01:00[Europe/London]");
        // 2026-10-25 01:30 happens twice: at 00:30 UTC (BST) and 01:30 UTC (GMT).
        assertThat(autumn).extracting(t -> t.toInstant().toString()).containsExactly(
                "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void dayOfMonthAndDayOfWeekAreOredWhenBothAreRestricted() throws Exception {
        // R2.7: the 13th of each month OR every Friday.
        Schedule.Cron cron = (Schedule.Cron) Schedule.parse("0 12 13 * 5", "x");

        List<ZonedDateTime> runs = FireTimes.next(cron, ZoneId.of("Etc/UTC"), Instant.parse("2026-11-01T00:00:00Z"), 5);

        assertThat(runs).extracting(t -> t.toLocalDate().toString())
                .containsExactly("2026-11-06", "2026-11-13", "2026-11-20", "2026-11-27", "2026-12-04");
    }

    @Test
    void sevenIsSundayToo() throws Exception {
        Schedule.Cron cron = (Schedule.Cron) Schedule.parse("0 6 * * 7", "x");

        List<ZonedDateTime> runs = FireTimes.next(cron, ZoneId.of("Etc/UTC"), Instant.parse("2026-11-29T07:00:00Z"), 2);

        assertThat(runs).extracting(t -> t.getDayOfWeek().toString()).containsOnly("SUNDAY");
        assertThat(runs.get(0).toLocalDate().toString()).isEqualTo("2026-12-06");
    }

    @Test
    void aScheduleThatNeverMatchesGivesNoRuns() throws Exception {
        Schedule.Cron never = (Schedule.Cron) Schedule.parse("0 0 30 2 *", "x");

        assertThat(FireTimes.next(never, ZoneId.of("Etc/UTC"), Instant.parse("2026-01-01T00:00:00Z"), 3)).isEmpty();
    }
}
