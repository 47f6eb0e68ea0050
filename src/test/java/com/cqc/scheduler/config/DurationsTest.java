package com.cqc.scheduler.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"180s,180s,3m", "3.5s,3.5s,3.5s", "30m,1800s,30m", "1h30m,5400s,1h30m", "7d,604800s,7d",
            "24h15s,86415s,24h15s", "0s,0s,0s", "0.000000001s,0.000000001s,0.000000001s"})
    void parsesWhatUsersWriteAndGivesTheApiForm(String text, String api, String human) {
        Duration d = Durations.parse(text).orElseThrow();

        assertThat(Durations.toApi(d)).isEqualTo(api);
        assertThat(Durations.human(d)).isEqualTo(human);
    }

    @ParameterizedTest
    @ValueSource(strings = {"180", "3 m", "-5s", "1w", "s", "1.1234567891s", ""})
    void rejectsAnythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }
}
