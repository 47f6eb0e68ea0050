package com.cqc.scheduler.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "*/15 * * * *", "0 9-17/2 * * MON-FRI", "0 0 1,15 * *", "0 0 * JAN,JUL *",
            "5 4 * * 7", "0 0 * * sun", "0-59/30 */4 1-31 1-12 0-6", "  0 3 * * *  "})
    void acceptsTheUnixCronSyntaxCloudSchedulerDocuments(String cron) throws Exception {
        Schedule schedule = Schedule.parse(cron, "p");

        assertThat(schedule).isInstanceOf(Schedule.Cron.class);
        assertThat(schedule.expression()).isEqualTo(cron.trim().replaceAll("\\s+", " "));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''|a schedule is required|R2.1",
            "@daily|is a macro|R2.6",
            "0 0 * *|has 4 fields|R2.2",
            "0 0 0 * * *|has 6 fields|R2.2",
            "0 0 * * * 2027|has 6 fields|R2.2",
            "60 * * * *|the minute field '60': the value 60 is outside 0-59|R2.2",
            "0 24 * * *|the hour field '24': the value 24 is outside 0-23|R2.2",
            "0 0 0 * *|the day-of-month field '0': the value 0 is outside 1-31|R2.2",
            "0 0 * 13 *|the month field '13': the value 13 is outside 1-12|R2.2",
            "0 0 * * 8|the day-of-week field '8': the value 8 is outside 0-7|R2.2",
            "0 0 * FOO *|'FOO' is not a number or a name JAN..DEC|R2.2",
            "0 0 L * *|'L' (last) is not supported|R2.5",
            "0 0 * * 5L|'L' (last) is not supported|R2.5",
            "0 0 ? * MON|'?' is not part of unix-cron|R2.6",
            "0 0 * * MON#2|'#' is not part of unix-cron|R2.6",
            "0 0 15W * *|'W' (nearest weekday) is not part of unix-cron|R2.6",
            "5/15 * * * *|a step /n must follow * or a range, not the single value '5'|R2.4",
            "*/0 * * * *|the step /0 is outside 1..59|R2.4",
            "0 10-2 * * *|the range 10-2 runs backwards|R2.4",
            "0 0 1,,2 * *|'' is not a value|R2.4"})
    void rejectsWhatCloudSchedulerRejectsAndNamesTheRule(String cron, String message, String rule) {
        assertThatThrownBy(() -> Schedule.parse(cron, "p"))
                .isInstanceOf(CronSyntaxException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((CronSyntaxException) e).rule()).isEqualTo(rule);
    }

    @Test
    void aFieldErrorSaysWhatIsAllowed() {
        assertThatThrownBy(() -> Schedule.parse("0 25 * * *", "p"))
                .hasMessage("the hour field '25': the value 25 is outside 0-23 (allowed: 0-23, *, a-b, */n, a-b/n, lists with ,)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"every 24 hours", "every monday 09:00", "1st monday of month 09:00", "Every 5 minutes"})
    void recognisesTheLegacyEnglishFormat(String text) throws Exception {
        Schedule schedule = Schedule.parse(text, "p");

        assertThat(schedule).isInstanceOf(Schedule.Legacy.class);
        assertThat(schedule.expression()).isEqualTo(text);
    }
}
