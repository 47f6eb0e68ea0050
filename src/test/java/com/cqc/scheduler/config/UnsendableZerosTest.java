package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P15: the gcp provider leaves zero-valued nested retry fields out of its request and the API fills in its own
 * default (Cloud Scheduler REST reference, RetryConfig: retryCount 0, maxRetryDuration 0s, minBackoff 5s,
 * maxBackoff 3600s, maxDoublings 5). A zero is refused where that default is not zero, accepted where it is.
 */
class UnsendableZerosTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "minBackoff: 0s   | minBackoff   | 0s cannot be set | its default 5s,  | write 1s or more",
            "maxBackoff: 0s   | maxBackoff   | 0s cannot be set | its default 1h,  | write 1s or more",
            "maxDoublings: 0  | maxDoublings | 0 cannot be set  | its default 5,   | write 1 or more; for a constant wait set minBackoff equal to maxBackoff",
    })
    void aZeroTheApiWouldReplaceIsRefusedWithPathValueReasonAndFix(String setting, String key, String value,
                                                                   String apiDefault, String fix) {
        List<Problem> errors = errors(catalog(PUBSUB + "retry: {" + setting + "}\n"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p.retry." + key);
            assertThat(p.rule()).isEqualTo("P15");
            assertThat(p.message()).startsWith(value + ": the gcp provider leaves a zero out")
                    .contains("applies " + apiDefault.strip()).contains("never match the code").endsWith(fix);
        });
    }

    @Test
    void aZeroInTheCatalogDefaultsIsReportedOnceWhereTheDefaultsWriteIt() {
        List<Problem> errors = errors("defaults:\n  retry: {maxDoublings: 0}\n" + Stacks.pubsubPipelines(3));

        assertThat(errors).extracting(Problem::path).containsExactly("defaults.retry.maxDoublings");
    }

    @Test
    void aZeroInAStackFileIsReportedWithTheFileThatSetIt() {
        List<Problem> errors = errors(catalog(PUBSUB), "cqc-scheduler:pipelines: {p: {retry: {minBackoff: 0s}}}\n");

        assertThat(errors).extracting(Problem::toString).singleElement().asString()
                .startsWith("pipelines.p.retry.minBackoff: 0s cannot be set").contains("[set in Pulumi.test.yaml]")
                .endsWith("(P15)");
    }

    @Test
    void zeroStaysFineWhereTheApiDefaultIsZero() {
        Pipeline p = only(catalog(PUBSUB + "retry: {count: 0, maxRetryDuration: 0s}\n"));

        assertThat(p.retry().count()).isZero();
        assertThat(p.retry().maxRetryDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theSmallestSendableValuesAreAccepted() {
        Pipeline p = only(catalog(PUBSUB + "retry: {minBackoff: 1s, maxBackoff: 1s, maxDoublings: 1}\n"));

        assertThat(p.retry().minBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.retry().maxDoublings()).isEqualTo(1);
    }
}
