package com.cqc.scheduler.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;

/** Which header names carry credentials and which values look like one: the masks of every output. */
class SecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "X-Goog-Api-Key", "X-Api-Key", "Api-Key", "apikey",
            "X-Auth-Token", "X-Service-Token", "X_CSRF_TOKEN", "Cookie", "X-Client-Secret", "X-Password",
            "X-Amz-Security-Token", "Private-Key", "X-Access-Key"})
    void credentialHeaderNames(String name) {
        assertThat(Secrets.isCredentialHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Accept", "X-Request-Source", "X-Cqc-Pipeline", "If-None-Match", "X-Trace"})
    void ordinaryHeaderNames(String name) {
        assertThat(Secrets.isCredentialHeader(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ya29.a0AfB_byC7xYz1234567890", "Basic dXNlcjpwYXNzd29yZA==",
            "AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK", "ghp_1234567890abcdefghijABCDEFGHIJ123456",
            "xoxb-123456789012-abcdefghijkl", "AKIAIOSFODNN7EXAMPLE",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "q8Xz2LmN4pR7tV9wY1bC3dF5gH",
            "0123456789abcdef0123456789abcdef"})
    void credentialShapedValuesAreMaskedInsideAnyText(String secret) {
        String masked = Secrets.mask("the value '" + secret + "' is wrong");

        assertThat(masked).doesNotContain(secret).contains(Secrets.MASK).startsWith("the value '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ml-training-100000000001.europe-west2.run.app/train",
            "sch-weekly-model-training@cqc-ml-dev.iam.gserviceaccount.com", "application/json",
            "projects/cqc-ml-prod/notificationChannels/1000000000000000001", "use auth: oidc (the token replaces any"
            + " Authorization header)", "basic roles are never granted", "{\"model\":\"cqc-classifier\",\"version\":\"auto\"}",
            "a basic 10-minute health check", "Basic v2-model training", "Token refresh of the 2024-Q3 export",
            "ssh://git@github.com/cqc/ml.git", "ASIAPACIFICSOUTHEAST1REGION"})
    void ordinaryValuesStayAsWritten(String text) {
        assertThat(Secrets.mask(text)).isEqualTo(text);
        assertThat(Secrets.knownCredential(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bearer ya29.a0AfB_byC7xYz1234567890|an Authorization credential (Bearer, Basic, Token or Digest)|0",
            "Authorization: Basic dXNlcjpwYXNzd29yZA==|an Authorization credential (Bearer, Basic, Token or Digest)|15",
            "token=Token abc123def456&n=1|an Authorization credential (Bearer, Basic, Token or Digest)|6",
            "key AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK|a Google API key|4",
            "/run?t=ya29.a0AfB_byC7xYz1234567890|a Google OAuth access token|7",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl|a JSON Web Token|0",
            "gho_1234567890abcdefghijABCDEFGHIJ123456|a GitHub token|0",
            "xoxb-123456789012-abcdefghijkl|a Slack token|0",
            "id AKIAIOSFODNN7EXAMPLE|an AWS access key id|3",
            "postgres://etl:Hunter2Secret@db.internal/x|a password in a URL|15"})
    void eachKnownShapeIsNamedWhereItStarts(String text, String kind, int start) {
        assertThat(Secrets.knownCredential(text)).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(kind);
            assertThat(c.start()).isEqualTo(start);
        });
    }

    @Test
    void aPasswordInAUrlIsMaskedAndTheRestOfTheUrlKept() {
        assertThat(Secrets.mask("postgres://etl:Hunter2Secret@db.internal/x")).isEqualTo("postgres://etl:[masked]@db.internal/x");
    }
}
