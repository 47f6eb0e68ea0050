package com.cqc.scheduler.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DstHazardsTest {
    private static final Instant FROM = Instant.parse("2026-11-29T00:00:00Z");
    private static final Duration YEAR = Duration.ofDays(366);

    private static List<DstHazards.Hazard> hazards(String cron, String zone) throws Exception {
        return DstHazards.find((Schedule.Cron) Schedule.parse(cron, "x"), ZoneId.of(zone), FROM, YEAR);
    }

    @Test
    void aDailyRunInTheChangeHourIsSkippedInSpringAndRepeatedInAutumn() throws Exception {
        assertThat(hazards("30 1 * * *", "Europe/London")).extracting(Object::toString)
                .containsExactly("2027-03-28T01:30 (skipped)", "2027-10-31T01:30 (repeated)");
        assertThat(hazards("30 2 * * *", "America/New_York")).extracting(Object::toString)
                .containsExactly("2027-03-14T02:30 (skipped)");
        assertThat(hazards("30 1 * * *", "America/New_York")).extracting(Object::toString)
                .containsExactly("2027-11-07T01:30 (repeated)");
    }

    @Test
    void runsOutsideTheChangeHoursAndZonesWithoutDstAreSafe() throws Exception {
        assertThat(hazards("0 9 1 * *", "Europe/London")).isEmpty();
        assertThat(hazards("0 0 * * 0", "Europe/London")).isEmpty();
        assertThat(hazards("30 1 * * *", "Etc/UTC")).isEmpty();
        assertThat(hazards("30 1 * * *", "Asia/Tokyo")).isEmpty();
    }

    @Test
    void aWeeklyRunOnlyMattersOnTheDayItRuns() throws Exception {
        // London changes on Sundays: a Monday 01:30 run never meets them.
        assertThat(hazards("30 1 * * MON", "Europe/London")).isEmpty();
        assertThat(hazards("30 1 * * SUN", "Europe/London")).hasSize(2);
    }
}
