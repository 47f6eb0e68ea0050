package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.HttpMethod;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.schedule.FireTimes;
import com.cqc.scheduler.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API accepts must be accepted here too: the examples of Google's Cloud Scheduler documentation
 * ("Configure cron job schedules": sample schedules and the rules for names, 7, steps and lists) and of
 * the gcp provider's own tests and examples (cloud_scheduler_job: HTTP, Pub/Sub and App Engine jobs,
 * retry settings, routing, OAuth and OIDC tokens).
 */
class DocumentedExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // Google's sample schedules
            "* * * * *", "0 */3 * * *", "0 9 * * 1", "45 23 * * 6",
            // the documented rules: names, 7 for Sunday, steps over * and over ranges, lists
            "0 0 * JAN *", "0 0 1 JAN-DEC *", "0 12 * * SUN", "0 12 * * SUN-SAT", "0 0 * * 7", "0 0-23/2 * * *",
            "0 */2 * * *", "0 0 1 1,2,5,6 *", "0 9-17 * * MON-FRI", "30 8 1,15 * *", "0 0 * * 1-5/2",
            // the provider's tests and examples
            "*/2 * * * *", "*/4 * * * *", "*/8 * * * *", "0 0 * * 0"})
    void everyDocumentedScheduleIsAcceptedAndFires(String cron) {
        Pipeline p = only(catalog("schedule: \"" + cron + "\"\npubsub: {topic: docs, data: x}\n"));

        assertThat(p.schedule().expression()).isEqualTo(cron);
        assertThat(FireTimes.next((Schedule.Cron) p.schedule(), p.timeZone(), Stacks.NOW, 3)).hasSize(3);
    }

    @Test
    void sundayIsBothZeroAndSeven() {
        Pipeline zero = only(catalog("schedule: \"0 12 * * 0\"\npubsub: {topic: docs, data: x}\n"));
        Pipeline seven = only(catalog("schedule: \"0 12 * * 7\"\npubsub: {topic: docs, data: x}\n"));

        assertThat(FireTimes.next((Schedule.Cron) seven.schedule(), seven.timeZone(), Stacks.NOW, 4))
                .isEqualTo(FireTimes.next((Schedule.Cron) zero.schedule(), zero.timeZone(), Stacks.NOW, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "GET", "DELETE", "HEAD", "OPTIONS"})
    void everyHttpMethodOfTheApi(String method) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        Target.Http http = (Target.Http) only(catalog("""
                schedule: "*/8 * * * *"
                timeZone: America/New_York
                attemptDeadline: 320s
                http:
                  url: https://example.com/ping
                  method: %s
                %s  auth: oidc
                  invoker: none
                """.formatted(method, body ? "  body: '{\"foo\":\"bar\"}'\n  headers: {Content-Type: application/json}\n" : ""))).target();

        assertThat(http.method()).isEqualTo(HttpMethod.valueOf(method));
        assertThat(http.deadline()).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void theProvidersRetryExampleAndDoublingsUpTo16() {
        Pipeline p = only(catalog("""
                schedule: "*/2 * * * *"
                pubsub: {topic: job-topic, data: test, attributes: {foo: bar}}
                retry: {count: 3, minBackoff: 1s, maxRetryDuration: 10s, maxDoublings: 16}
                paused: true
                """));

        assertThat(p.retry().count()).isEqualTo(3);
        assertThat(p.retry().minBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.retry().maxRetryDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.retry().maxDoublings()).isEqualTo(16);
        assertThat(p.paused()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"15s", "320s", "1h", "24h", "24h15s"})
    void appEngineDeadlinesUpTo24Hours(String deadline) {
        Target.AppEngine appEngine = (Target.AppEngine) only(catalog("""
                schedule: "*/4 * * * *"
                attemptDeadline: %s
                appEngine:
                  relativeUri: /ping
                  method: POST
                  routing: {service: web, version: prod}
                """.formatted(deadline))).target();

        assertThat(appEngine.relativeUri()).isEqualTo("/ping");
        assertThat(appEngine.routing().service()).contains("web");
        assertThat(appEngine.deadline()).isEqualTo(Durations.parse(deadline).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "HEAD"})
    void appEngineTargetsWithoutABody(String method) {
        Target.AppEngine appEngine = (Target.AppEngine) only(catalog("""
                schedule: "0 9 * * 1"
                appEngine: {relativeUri: /tasks/clean, method: %s}
                """.formatted(method))).target();

        assertThat(appEngine.method()).isEqualTo(HttpMethod.valueOf(method));
    }

    @Test
    void anOauthTokenForAGoogleApiWithTheDefaultScope() {
        Target.Http http = (Target.Http) only(catalog("""
                schedule: "0 3 * * *"
                http:
                  url: https://cloudscheduler.googleapis.com/v1/projects/p/locations/l/jobs
                  method: GET
                  auth: oauth
                  invoker: {projectRole: roles/dataflow.developer}
                """)).target();

        assertThat(http.auth()).isEqualTo(new Auth.OAuth(Auth.CLOUD_PLATFORM_SCOPE));
    }
}
