package com.cqc.scheduler.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H forms resolve as the README defines them: the first 7 bytes of SHA-256 of {@code <id>/minute}
 * (or {@code /hour}) as an unsigned number h; {@code H(a-b)} is {@code a + h mod (b-a+1)}, and
 * {@code H(a-b)/n} starts at {@code a + h mod n} and keeps the range's end and the step. The expected
 * values are computed here from that definition, independently of the code.
 */
class SpreadOffsetsTest {

    private static long h(String seed, String field) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + "/" + field).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(digest, 7)).longValueExact();
    }

    private static String[] fields(String cron, String seed) throws CronSyntaxException {
        return Schedule.parse(cron, seed).expression().split(" ");
    }

    @ParameterizedTest(name = "H({1}-{2}) for {0}")
    @CsvSource({"daily-backup, 0, 59", "dataflow-launch, 10, 50", "weekly-sync, 30, 31", "a, 7, 7", "report_2, 1, 58"})
    void aRangedHIsTheRangesStartPlusTheHashModuloItsSize(String seed, int a, int b) throws Exception {
        String minute = fields("H(" + a + "-" + b + ") 3 * * *", seed)[0];

        assertThat(minute).isEqualTo(String.valueOf(a + h(seed, "minute") % (b - a + 1)));
    }

    @ParameterizedTest(name = "H({1}-{2}) hour for {0}")
    @CsvSource({"daily-backup, 0, 23", "nightly-etl, 1, 5", "x, 9, 17"})
    void anHourUsesItsOwnHashSoMinuteAndHourDiffer(String seed, int a, int b) throws Exception {
        String[] fields = fields("H H(" + a + "-" + b + ") * * *", seed);

        assertThat(fields[0]).isEqualTo(String.valueOf(h(seed, "minute") % 60));
        assertThat(fields[1]).isEqualTo(String.valueOf(a + h(seed, "hour") % (b - a + 1)));
    }

    @ParameterizedTest(name = "H({1}-{2})/{3} for {0}")
    @CsvSource({"data-quality-check, 0, 59, 15", "dataflow-launch, 10, 50, 20", "p, 5, 40, 7", "q, 30, 59, 30", "r, 0, 59, 1"})
    void aSteppedRangeStartsAtTheRangesStartPlusTheHashModuloTheStep(String seed, int a, int b, int n) throws Exception {
        String minute = fields("H(" + a + "-" + b + ")/" + n + " * * * *", seed)[0];

        assertThat(minute).isEqualTo((a + h(seed, "minute") % n) + "-" + b + "/" + n);
    }

    @ParameterizedTest(name = "H/{1} for {0}")
    @CsvSource({"data-quality-check, 15", "hourly-ping, 59", "z, 7"})
    void aSteppedHWithoutARangeSpansTheWholeField(String seed, int n) throws Exception {
        String minute = fields("H/" + n + " * * * *", seed)[0];

        assertThat(minute).isEqualTo((h(seed, "minute") % n) + "-59/" + n);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "H(10-20)/12 * * * *|the step 12, allowed is 1..11|R2.4",
            "H/0 * * * *|the step 0, allowed is 1..60|R2.4",
            "H/61 * * * *|the step 61, allowed is 1..60|R2.4",
            "0 H/25 * * *|the step 25, allowed is 1..24|R2.4",
            "H(20-10) * * * *|the range 20-10, allowed is a range within 0-59|R2.2",
            "H(0-60) * * * *|the range 0-60|R2.2",
            "0 H(0-24) * * *|the range 0-24, allowed is a range within 0-23|R2.2"})
    void aStepLargerThanTheRangeOrARangeOutsideTheFieldIsRefused(String cron, String message, String rule) {
        assertThatThrownBy(() -> Schedule.parse(cron, "p"))
                .isInstanceOf(CronSyntaxException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((CronSyntaxException) e).rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"H(10-20)/11 * * * *", "H(0-59) * * * *", "0 H(0-23) * * *", "H(59-59) * * * *"})
    void aStepAsLargeAsTheRangeAndTheFieldsOwnBoundsAreAllowed(String cron) throws Exception {
        assertThat(Schedule.parse(cron, "p")).isInstanceOf(Schedule.Cron.class);
    }
}
