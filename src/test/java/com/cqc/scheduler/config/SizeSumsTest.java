package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job is at most 1 MB less 1 KB of URL, body and headers (R9.4), and headers together stay under 80 KB
 * (R6.4, R8.5). Both limits are sums: each test sits exactly on the limit and one byte past it, so a part
 * left out of the sum or counted in characters instead of UTF-8 bytes fails.
 */
class SizeSumsTest {
    private static final int MAX_JOB_BYTES = 1024 * 1024 - 1024;
    private static final int MAX_HEADER_BYTES = 80 * 1024;
    private static final String URL = "https://svc-123456789012.europe-west2.run.app/run";

    private static String http(String body, String headers) {
        return """
                schedule: "0 3 * * *"
                http:
                  url: %s
                  body: "%s"
                  headers: %s
                  auth: oidc
                  invoker: {cloudRunService: svc}
                """.formatted(URL, body, headers);
    }

    private static String appEngine(String body, String headers) {
        return """
                schedule: "0 3 * * *"
                appEngine:
                  relativeUri: /run
                  body: "%s"
                  headers: %s
                """.formatted(body, headers);
    }

    private static String pubsub(String data, String attributes) {
        return """
                schedule: "0 3 * * *"
                pubsub:
                  topic: ingest
                  data: "%s"
                  attributes: %s
                """.formatted(data, attributes);
    }

    /** A text of exactly {@code bytes} UTF-8 bytes, mostly two-byte characters. */
    private static String ofBytes(int bytes) {
        return "é".repeat(bytes / 2) + "b".repeat(bytes % 2);
    }

    private static void assertTooLarge(List<Problem> errors, int bytes) {
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p");
            assertThat(p.message()).contains("takes " + bytes + " bytes");
            assertThat(p.rule()).isEqualTo("R9.4");
        });
    }

    @Test
    void anHttpJobCountsItsUrlItsBodyAndEveryHeaderNameAndValue() {
        String headers = "{X-Trace: abc, X-Team: ml}";   // 7 + 3 + 6 + 2 bytes
        int fixed = URL.length() + 18;

        Target.Http http = (Target.Http) only(catalog(http(ofBytes(MAX_JOB_BYTES - fixed), headers))).target();
        assertThat(http.body().orElseThrow().sizeBytes()).isEqualTo(MAX_JOB_BYTES - fixed);
        assertThat(http.headers()).containsOnlyKeys("X-Trace", "X-Team");

        assertTooLarge(errors(catalog(http(ofBytes(MAX_JOB_BYTES - fixed + 1), headers))), MAX_JOB_BYTES + 1);
    }

    @Test
    void anHttpBodyIsCountedInUtf8Bytes() {
        int fixed = URL.length() + 7 + 3;
        // Two bytes per 'é': half as many characters reach the same limit.
        int chars = (MAX_JOB_BYTES - fixed) / 2 + 1;

        assertTooLarge(errors(catalog(http("é".repeat(chars), "{X-Trace: abc}"))), fixed + 2 * chars);
    }

    @Test
    void anAppEngineJobCountsItsRelativeUriItsBodyAndItsHeaders() {
        int fixed = "/run".length() + 7 + 3;

        only(catalog(appEngine(ofBytes(MAX_JOB_BYTES - fixed), "{X-Trace: abc}")));

        assertTooLarge(errors(catalog(appEngine(ofBytes(MAX_JOB_BYTES - fixed + 1), "{X-Trace: abc}"))),
                MAX_JOB_BYTES + 1);
    }

    @Test
    void aPubsubJobCountsItsDataAndEveryAttributeKeyAndValue() {
        int fixed = 4 + 3 + 2 + 2;   // {team: ml, env: dv}

        only(catalog(pubsub(ofBytes(MAX_JOB_BYTES - fixed), "{team: ml, env: dv}")));

        assertTooLarge(errors(catalog(pubsub(ofBytes(MAX_JOB_BYTES - fixed + 1), "{team: ml, env: dv}"))),
                MAX_JOB_BYTES + 1);
    }

    @Test
    void headersUnder80KbInTotalAreAllowedAndAtExactly80KbAreNot() {
        String name = "X-Big";
        String under = "{" + name + ": " + "v".repeat(MAX_HEADER_BYTES - 1 - name.length()) + "}";
        String at = "{" + name + ": " + "v".repeat(MAX_HEADER_BYTES - name.length()) + "}";

        assertThat(((Target.Http) only(catalog(http("x", under))).target()).headers()).containsKey(name);

        assertThat(errors(catalog(http("x", at)))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p.http.headers");
            assertThat(p.message()).contains("take " + MAX_HEADER_BYTES + " bytes");
            assertThat(p.rule()).isEqualTo("R6.4");
        });
    }

    @Test
    void theHeaderLimitIsOnTheSumOfAllHeadersInUtf8Bytes() {
        // Each header alone is well under 80 KB; together, with 'é' counted as two bytes, they reach it.
        String half = "é".repeat(MAX_HEADER_BYTES / 4);
        String headers = "{X-A: " + half + ", X-B: " + half + "}";

        assertThat(errors(catalog(appEngine("x", headers)))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p.appEngine.headers");
            assertThat(p.message()).contains("take " + (MAX_HEADER_BYTES + 6) + " bytes");
            assertThat(p.rule()).isEqualTo("R8.5");
        });
    }
}
