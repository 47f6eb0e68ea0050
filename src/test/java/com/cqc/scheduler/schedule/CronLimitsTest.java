package com.cqc.scheduler.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Steps and name ranges at their exact limits: a step may be as large as the field's largest value and no
 * larger (6 after a day-of-week range), and a larger one is refused by the field check, with the field;
 * month names count from JAN = 1 and weekday names from SUN = 0, so a name range that runs backwards is
 * refused like a numeric one, and names and numbers mix.
 */
class CronLimitsTest {

    private static Schedule.Cron cron(String text) throws CronSyntaxException {
        return (Schedule.Cron) Schedule.parse(text, "p");
    }

    private static void assertRefused(String text, String message, String rule) {
        assertThatThrownBy(() -> Schedule.parse(text, "p"))
                .isInstanceOf(CronSyntaxException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((CronSyntaxException) e).rule()).isEqualTo(rule);
    }

    @Test
    void everyFiftyNineMinutesFiresAtMinute0And59() throws Exception {
        Schedule.Cron c = cron("*/59 * * * *");

        assertThat(c.nextAfter(LocalDateTime.parse("2026-01-01T10:00"))).contains(LocalDateTime.parse("2026-01-01T10:59"));
        assertThat(c.nextAfter(LocalDateTime.parse("2026-01-01T10:59"))).contains(LocalDateTime.parse("2026-01-01T11:00"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*/59 * * * *", "0 */23 * * *", "0 0 */31 * *", "0 0 1 */12 *", "0 0 * * */7", "*/1 * * * *",
            "0-30/31 * * * *"})
    void aStepUpToTheFieldsLargestValueIsAllowed(String text) throws Exception {
        assertThat(cron(text).expression()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*/60 * * * *|the minute field '*/60': the step /60 is outside 1..59",
            "0 */24 * * *|the hour field '*/24': the step /24 is outside 1..23",
            "0 0 * * */8|the day-of-week field '*/8': the step /8 is outside 1..7",
            "0 0 * * 1-5/7|the day-of-week field '1-5/7': the step /7 is outside 1..6 after a range",
            "*/61 * * * *|the minute field '*/61': the step /61 is outside 1..59",
            "0 */25 * * *|the hour field '*/25': the step /25 is outside 1..23",
            "0 0 */32 * *|the day-of-month field '*/32': the step /32 is outside 1..31",
            "0 0 1 */13 *|the month field '*/13': the step /13 is outside 1..12",
            "0 0 * * */9|the day-of-week field '*/9': the step /9 is outside 1..7"})
    void aStepBeyondTheFieldsLargestValueIsRefusedByTheField(String text, String message) {
        assertRefused(text, message, "R2.4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0 0 * DEC-JAN *|the range DEC-JAN runs backwards",
            "0 0 * MAR-FEB *|the range MAR-FEB runs backwards",
            "0 0 * DEC-11 *|the range DEC-11 runs backwards",
            "0 0 * 2-JAN *|the range 2-JAN runs backwards",
            "0 0 * * SAT-MON|the range SAT-MON runs backwards",
            "0 0 * * MON-0|the range MON-0 runs backwards",
            "0 0 * * FRI-4|the range FRI-4 runs backwards"})
    void aNameRangeThatRunsBackwardsIsRefused(String text, String message) {
        assertRefused(text, message, "R2.4");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 0 * JAN-DEC *", "0 0 * JAN-1 *", "0 0 * NOV-12 *", "0 0 * 12-DEC *", "0 0 * * MON-1",
            "0 0 * * SAT-6", "0 0 * * 1-FRI", "0 0 * jan-mar/2 *"})
    void namesCountFromJan1AndSun0AndMixWithNumbers(String text) throws Exception {
        assertThat(cron(text).expression()).isEqualTo(text);
    }

    @Test
    void aMonthNameRangeFiresInExactlyThoseMonths() throws Exception {
        Schedule.Cron c = cron("0 0 1 NOV-DEC *");

        assertThat(c.nextAfter(LocalDateTime.parse("2026-02-01T00:00"))).contains(LocalDateTime.parse("2026-11-01T00:00"));
        assertThat(c.nextAfter(LocalDateTime.parse("2026-11-01T00:00"))).contains(LocalDateTime.parse("2026-12-01T00:00"));
        assertThat(c.nextAfter(LocalDateTime.parse("2026-12-01T00:00"))).contains(LocalDateTime.parse("2027-11-01T00:00"));
    }

    @Test
    void aNameIsAcceptedOnlyInItsOwnField() {
        assertRefused("0 0 * MON *", "'MON' is not a number or a name JAN..DEC", "R2.2");
        assertRefused("0 0 * * JAN", "'JAN' is not a number or a name SUN..SAT", "R2.2");
        assertRefused("0 JAN * * *", "'JAN' is not a number (allowed: 0-23,", "R2.2");
    }
}
