package com.cqc.scheduler.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model tells the program to send: the deadline only where the API uses it (never for
 * Pub/Sub, R4.4), the kind names the catalog uses, which methods carry a body per target (R6.3, R8.1,
 * R8.2), and payloads encoded as base64 of their UTF-8 bytes (R7.4).
 */
class TargetModelTest {
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Target.Routing NO_ROUTING = new Target.Routing(Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void httpAndAppEngineTargetsSendTheirDeadlineAndPubsubSendsNone() {
        Target http = new Target.Http("https://x.example", HttpMethod.GET, Optional.empty(), Map.of(),
                new Auth.Oidc("https://x.example"), new Invoker.None(), DEADLINE);
        Target appEngine = new Target.AppEngine("/t", HttpMethod.GET, Optional.empty(), Map.of(), NO_ROUTING, DEADLINE);
        Target pubsub = new Target.Pubsub("t", true, Optional.of(new Payload("x", false)), Map.of());

        assertThat(http.attemptDeadline()).contains(DEADLINE);
        assertThat(appEngine.attemptDeadline()).contains(DEADLINE);
        assertThat(pubsub.attemptDeadline()).isEmpty();
    }

    @Test
    void eachTargetAndTokenHasTheKindNameTheCatalogUses() {
        Target http = new Target.Http("https://x.example", HttpMethod.GET, Optional.empty(), Map.of(),
                new Auth.OAuth(Auth.CLOUD_PLATFORM_SCOPE), new Invoker.None(), DEADLINE);
        Target appEngine = new Target.AppEngine("/t", HttpMethod.GET, Optional.empty(), Map.of(), NO_ROUTING, DEADLINE);
        Target pubsub = new Target.Pubsub("t", true, Optional.empty(), Map.of("a", "1"));

        assertThat(http.kind().label()).isEqualTo("http");
        assertThat(appEngine.kind().label()).isEqualTo("appengine");
        assertThat(pubsub.kind().label()).isEqualTo("pubsub");
        assertThat(http.auth().kind()).isEqualTo("oauth");
        assertThat(new Auth.Oidc("a").kind()).isEqualTo("oidc");
        assertThat(new Auth.None().kind()).isEqualTo("none");
        assertThat(appEngine.auth()).isEqualTo(new Auth.None());
        assertThat(pubsub.auth()).isEqualTo(new Auth.None());
    }

    @ParameterizedTest(name = "{0}: HTTP body {1}, App Engine allowed {2}, App Engine body {3}")
    @CsvSource({
            "POST,    true,  true,  true",
            "PUT,     true,  true,  true",
            "PATCH,   true,  false, false",
            "GET,     false, true,  false",
            "HEAD,    false, true,  false",
            "DELETE,  false, true,  false",
            "OPTIONS, false, false, false"})
    void whichMethodsCarryABodyAndWhichAppEngineAllows(HttpMethod method, boolean httpBody, boolean appEngineAllows,
                                                        boolean appEngineBody) {
        assertThat(method.httpTakesBody()).isEqualTo(httpBody);
        assertThat(method.appEngineAllows()).isEqualTo(appEngineAllows);
        assertThat(method.appEngineTakesBody()).isEqualTo(appEngineBody);
    }

    @Test
    void aPayloadIsSentAsBase64OfItsUtf8BytesAndCountedInBytes() {
        Payload payload = new Payload("é{\"a\":1}", true);

        assertThat(payload.base64()).isEqualTo("w6l7ImEiOjF9");
        assertThat(Payload.decode(payload.base64())).isEqualTo("é{\"a\":1}");
        assertThat(payload.sizeBytes()).isEqualTo(9);
    }

    @Test
    void theSchedulerServiceAgentIsNamedByTheProjectNumber() {
        StackSettings settings = new StackSettings("prod", "prod", "cqc-ml-prod", "100000000003", "europe-west2",
                "europe-west2", true, Duration.ofDays(7), Alerting.OFF);

        assertThat(settings.schedulerServiceAgent())
                .isEqualTo("service-100000000003@gcp-sa-cloudscheduler.iam.gserviceaccount.com");
    }
}
