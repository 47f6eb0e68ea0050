package com.cqc.scheduler.schedule;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadTest {

    private static String resolve(String cron, String seed) throws CronSyntaxException {
        return Schedule.parse(cron, seed).expression();
    }

    @Test
    void hIsAFixedValueInTheFieldDerivedFromThePipelineId() throws Exception {
        String first = resolve("H 3 * * *", "daily-backup");

        assertThat(first).matches("([0-9]|[1-5][0-9]) 3 \\* \\* \\*");
        assertThat(resolve("H 3 * * *", "daily-backup")).isEqualTo(first);
    }

    @Test
    void theValueIsTheSameOnEveryMachine() throws Exception {
        // Computed outside Java: 10 + int(sha256("dataflow-launch/minute")[:7]) % 41 and
        // int(sha256("weekly-sync/hour")[:7]) % 24. Pinned so a change that moved every spread job at
        // once would fail here instead of in production.
        assertThat(resolve("H(10-50) 3 * * *", "dataflow-launch")).isEqualTo("34 3 * * *");
        assertThat(resolve("0 H * * *", "weekly-sync")).isEqualTo("0 7 * * *");
    }

    @Test
    void differentPipelinesSpreadOverTheRange() throws Exception {
        Set<String> minutes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String minute = resolve("H(0-29) */4 * * *", "pipeline-" + i).split(" ")[0];
            assertThat(Integer.parseInt(minute)).isBetween(0, 29);
            minutes.add(minute);
        }
        assertThat(minutes).hasSizeGreaterThan(25);
    }

    @Test
    void aSteppedHKeepsTheStepAndStartsAtAnOffsetWithinIt() throws Exception {
        String cron = resolve("H/15 * * * *", "data-quality-check");

        assertThat(cron).matches("([0-9]|1[0-4])-59/15 \\* \\* \\* \\*");
    }

    @Test
    void hOutsideMinuteAndHourOrInAnUnknownFormIsRejected() {
        assertThatThrownBy(() -> resolve("0 0 H * *", "x")).isInstanceOf(CronSyntaxException.class)
                .hasMessageContaining("day-of-month field 'H'");
        assertThatThrownBy(() -> resolve("H(0-70) * * * *", "x")).hasMessageContaining("the range 0-70");
        assertThatThrownBy(() -> resolve("H,5 * * * *", "x")).hasMessageContaining("uses H in a form that is not supported");
    }
}
