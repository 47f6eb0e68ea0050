package com.cqc.scheduler.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cron vectors the policy pack's tests read too (policies/test/cron.test.ts): the program and the
 * pack must accept, refuse and time the same schedules.
 */
class CronVectorsTest {
    private static final Path FILE = Path.of("testdata", "cron-vectors.json");
    private static final ZoneId UTC = ZoneId.of("Etc/UTC");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final JsonNode VECTORS = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    private static Stream<JsonNode> section(String name) {
        return StreamSupport.stream(VECTORS.get(name).spliterator(), false);
    }

    static Stream<JsonNode> valid() {
        return section("valid");
    }

    static Stream<JsonNode> invalid() {
        return section("invalid");
    }

    static Stream<JsonNode> legacy() {
        return section("legacy");
    }

    @Test
    void hasCasesOfEveryKind() {
        assertThat(valid().count()).isGreaterThanOrEqualTo(10);
        assertThat(invalid().count()).isGreaterThanOrEqualTo(10);
        assertThat(legacy().count()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void firesAtTheListedTimes(JsonNode vector) throws Exception {
        String cron = vector.get("cron").asText();
        List<String> expected = new ArrayList<>();
        vector.get("next").forEach(t -> expected.add(t.asText()));

        Schedule schedule = Schedule.parse(cron, "vectors");
        assertThat(schedule).isInstanceOf(Schedule.Cron.class);
        assertThat(schedule.expression()).isEqualTo(cron);
        List<ZonedDateTime> runs = FireTimes.next((Schedule.Cron) schedule, UTC,
                Instant.parse(VECTORS.get("from").asText()), Math.max(expected.size(), 1));

        assertThat(runs).extracting(MINUTE::format).containsExactlyElementsOf(expected);
        if (vector.has("minIntervalMinutes")) {
            // The program has no smallest-gap check of its own: the listed runs must at least not be closer.
            long min = vector.get("minIntervalMinutes").asLong();
            for (int i = 1; i < runs.size(); i++) {
                assertThat(Duration.between(runs.get(i - 1), runs.get(i)).toMinutes()).isGreaterThanOrEqualTo(min);
            }
        }
    }

    @Test
    void theFinestScheduleFiresEveryMinute() throws Exception {
        Schedule.Cron everyMinute = (Schedule.Cron) Schedule.parse("* * * * *", "vectors");

        List<ZonedDateTime> runs = FireTimes.next(everyMinute, UTC, Instant.parse("2026-03-01T10:00:30Z"), 3);

        assertThat(runs).extracting(MINUTE::format)
                .as("one minute is the finest interval (R2.9)")
                .containsExactly("2026-03-01T10:01", "2026-03-01T10:02", "2026-03-01T10:03");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWithTheListedRule(JsonNode vector) {
        assertThatThrownBy(() -> Schedule.parse(vector.get("cron").asText(), "vectors"))
                .isInstanceOf(CronSyntaxException.class)
                .extracting(e -> ((CronSyntaxException) e).rule()).isEqualTo(vector.get("rule").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacy")
    void recognisesTheLegacyFormat(JsonNode vector) throws Exception {
        String text = vector.get("schedule").asText();

        assertThat(Schedule.parse(text, "vectors")).isEqualTo(new Schedule.Legacy(text));
    }
}
