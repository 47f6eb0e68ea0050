package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's own settings at their exact limits: topic retention 10m..31d, alerting after 1..100
 * failed attempts within a window of whole minutes from 1m to 1d, and stateful resources protected by
 * default only in prod.
 */
class StackLimitsTest {
    private static final String ALERT_TO = "  emails: [ml@cqc.example]\n";

    private static StackSettings settings(String stackExtra) {
        return load(catalog(PUBSUB), stackExtra).settings();
    }

    private static void assertErrorAt(String stackExtra, String path) {
        List<Problem> errors = errors(catalog(PUBSUB), stackExtra);
        assertThat(errors).extracting(Problem::path).containsExactly(path);
    }

    @ParameterizedTest(name = "topicRetention {0}")
    @CsvSource({"10m, 600", "31d, 2678400"})
    void aTopicRetentionFrom10mTo31dInclusiveIsAllowed(String written, long seconds) {
        assertThat(settings("cqc-scheduler:topicRetention: " + written + "\n").topicRetention())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "topicRetention {0}")
    @ValueSource(strings = {"9m59s", "31d1s", "soon"})
    void aTopicRetentionOutside10mTo31dIsAnError(String written) {
        assertErrorAt("cqc-scheduler:topicRetention: " + written + "\n", "cqc-scheduler:topicRetention");
    }

    @Test
    void withoutATopicRetentionTopicsKeepMessagesSevenDays() {
        assertThat(settings("").topicRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void statefulResourcesAreProtectedByDefaultOnlyInProd() throws Exception {
        StackFile prod = StackFile.parse("prod", "Pulumi.prod.yaml", StackLoader.PROJECT,
                Stacks.STACK.replace("environment: test", "environment: prod"));
        assertThat(new StackLoader(Stacks.NOW).load(catalog(PUBSUB), "pipelines.yaml", prod).settings().protectStateful())
                .isTrue();
        assertThat(settings("").protectStateful()).isFalse();
        assertThat(settings("cqc-scheduler:protectStateful: true\n").protectStateful()).isTrue();
        assertErrorAt("cqc-scheduler:protectStateful: yes please\n", "cqc-scheduler:protectStateful");
    }

    @ParameterizedTest(name = "failedAttempts {0}")
    @ValueSource(ints = {1, 100})
    void alertingAfter1To100FailedAttemptsIsAllowed(int attempts) {
        Alerting alerting = settings("cqc-scheduler:alerting:\n  failedAttempts: " + attempts + "\n" + ALERT_TO).alerting();

        assertThat(alerting.enabled()).isTrue();
        assertThat(alerting.failedAttempts()).isEqualTo(attempts);
        assertThat(alerting.window()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "failedAttempts {0}")
    @ValueSource(ints = {0, 101})
    void alertingAfterFailedAttemptsOutside1To100IsAnError(int attempts) {
        assertErrorAt("cqc-scheduler:alerting:\n  failedAttempts: " + attempts + "\n" + ALERT_TO,
                "cqc-scheduler:alerting.failedAttempts");
    }

    @ParameterizedTest(name = "window {0}")
    @CsvSource({"1m, 60", "1d, 86400", "90m, 5400"})
    void anAlertingWindowOfWholeMinutesFrom1mTo1dIsAllowed(String written, long seconds) {
        assertThat(settings("cqc-scheduler:alerting:\n  window: " + written + "\n" + ALERT_TO).alerting().window())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(strings = {"59s", "1d1m", "90s", "60.5s"})
    void anAlertingWindowOutside1mTo1dOrNotInWholeMinutesIsAnError(String written) {
        assertErrorAt("cqc-scheduler:alerting:\n  window: " + written + "\n" + ALERT_TO, "cqc-scheduler:alerting.window");
    }

    @Test
    void alertingThatIsEnabledNeedsSomewhereToSendAlerts() {
        assertErrorAt("cqc-scheduler:alerting: {failedAttempts: 2}\n", "cqc-scheduler:alerting");
        assertThat(settings("cqc-scheduler:alerting: {enabled: false}\n").alerting().enabled()).isFalse();
    }
}
