package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.load;
import static com.cqc.scheduler.config.Stacks.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented limit holds exactly: the last allowed value loads, the first one past it is an
 * error at the field's path with the rule. An off-by-one in either direction fails here.
 */
class ExactLimitsTest {
    private static final String APP_ENGINE = """
            schedule: "0 3 * * *"
            appEngine:
              relativeUri: /run
            """;

    private static void assertErrorAt(List<Problem> errors, String path, String rule) {
        assertThat(errors).as("errors").anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.rule()).isEqualTo(rule);
        });
    }

    @ParameterizedTest(name = "HTTP attemptDeadline {0} is allowed")
    @CsvSource({"15s, 15", "30m, 1800"})
    void anHttpDeadlineFrom15sTo30mInclusiveIsAllowed(String written, long seconds) {
        Target.Http http = (Target.Http) only(catalog(HTTP + "attemptDeadline: " + written + "\n")).target();

        assertThat(http.deadline()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "HTTP attemptDeadline {0} is refused")
    @CsvSource({"14s", "14.999s", "30m1s", "1h"})
    void anHttpDeadlineOutside15sTo30mIsAnError(String written) {
        List<Problem> errors = errors(catalog(HTTP + "attemptDeadline: " + written + "\n"));

        assertErrorAt(errors, "pipelines.p.attemptDeadline", "R4.2");
        assertThat(errors).singleElement().extracting(Problem::message).asString().contains("15s..30m");
    }

    @ParameterizedTest(name = "App Engine attemptDeadline {0} is allowed")
    @CsvSource({"15s, 15", "24h15s, 86415"})
    void anAppEngineDeadlineFrom15sTo24h15sInclusiveIsAllowed(String written, long seconds) {
        Target.AppEngine app = (Target.AppEngine) only(catalog(APP_ENGINE + "attemptDeadline: " + written + "\n")).target();

        assertThat(app.deadline()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "App Engine attemptDeadline {0} is refused")
    @CsvSource({"14s", "24h16s"})
    void anAppEngineDeadlineOutside15sTo24h15sIsAnError(String written) {
        List<Problem> errors = errors(catalog(APP_ENGINE + "attemptDeadline: " + written + "\n"));

        assertErrorAt(errors, "pipelines.p.attemptDeadline", "R4.3");
        assertThat(errors).singleElement().extracting(Problem::message).asString().contains("15s..24h15s");
    }

    @Test
    void aDescriptionOf500CharactersIsAllowedAnd501IsNot() {
        assertThat(only(catalog(PUBSUB + "description: " + "d".repeat(500) + "\n")).description()).hasSize(500);

        List<Problem> errors = errors(catalog(PUBSUB + "description: " + "d".repeat(501) + "\n"));
        assertErrorAt(errors, "pipelines.p.description", "R9.1");
        assertThat(errors.get(0).message()).contains("501 characters", "at most 500");
    }

    @Test
    void aRetryCountFrom0To5IsAllowed() {
        assertThat(only(catalog(PUBSUB + "retry: {count: 0}\n")).retry().count()).isZero();
        assertThat(only(catalog(PUBSUB + "retry: {count: 5}\n")).retry().count()).isEqualTo(5);
    }

    @ParameterizedTest(name = "retry.count {0} is refused")
    @CsvSource({"-1", "6"})
    void aRetryCountOutside0To5IsAnError(int count) {
        List<Problem> errors = errors(catalog(PUBSUB + "retry: {count: " + count + "}\n"));

        assertErrorAt(errors, "pipelines.p.retry.count", "R5.1");
        assertThat(errors).singleElement().extracting(Problem::message).asString().contains(count + " is outside 0..5");
    }

    @Test
    void maxDoublingsOf1IsAllowedAndANegativeCountIsAnError() {
        assertThat(only(catalog(PUBSUB + "retry: {maxDoublings: 1}\n")).retry().maxDoublings()).isEqualTo(1);

        assertErrorAt(errors(catalog(PUBSUB + "retry: {maxDoublings: -1}\n")), "pipelines.p.retry.maxDoublings", "R5.5");
    }

    @Test
    void aUrlOf2083CharactersIsAllowedAnd2084IsNot() {
        String base = "https://svc-123456789012.europe-west2.run.app/";
        String longest = base + "a".repeat(2083 - base.length());
        String http = HTTP.replace("https://svc-123456789012.europe-west2.run.app/run", "%s");

        assertThat(((Target.Http) only(catalog(http.formatted(longest))).target()).uri()).hasSize(2083);

        List<Problem> errors = errors(catalog(http.formatted(longest + "a")));
        assertErrorAt(errors, "pipelines.p.http.url", "R6.1");
        assertThat(errors.get(0).message()).contains("2084 characters", "at most 2083");
    }

    @Test
    void anAppEngineRelativeUriOf2083CharactersIsAllowedAnd2084IsNot() {
        String longest = "/" + "a".repeat(2082);

        assertThat(((Target.AppEngine) only(catalog(APP_ENGINE.replace("/run", longest))).target()).relativeUri()).hasSize(2083);
        assertErrorAt(errors(catalog(APP_ENGINE.replace("/run", longest + "a"))), "pipelines.p.appEngine.relativeUri", "R8.3");
    }

    @Test
    void aMessageTakes100AttributesAndNotOneMore() {
        Target.Pubsub pubsub = (Target.Pubsub) only(catalog(PUBSUB + "  attributes: " + attributes(100) + "\n")).target();
        assertThat(pubsub.attributes()).hasSize(100);

        List<Problem> errors = errors(catalog(PUBSUB + "  attributes: " + attributes(101) + "\n"));
        assertErrorAt(errors, "pipelines.p.pubsub.attributes", "R7.5");
        assertThat(errors.get(0).message()).contains("101 attributes", "at most 100");
    }

    @Test
    void anAttributeValueTakesAt1024BytesCountedInUtf8() {
        assertThat(load(catalog(PUBSUB + "  attributes: {k: " + "v".repeat(1024) + "}\n"), "").pipelines()).hasSize(1);

        // 513 characters, 1026 bytes: the limit is in bytes, not characters.
        List<Problem> errors = errors(catalog(PUBSUB + "  attributes: {k: " + "é".repeat(513) + "}\n"));
        assertErrorAt(errors, "pipelines.p.pubsub.attributes.k", "R7.5");
        assertThat(errors.get(0).message()).contains("1026 bytes", "at most 1024");
    }

    @Test
    void anAttributeKeyOver256BytesIsAWarningAndAt256IsNot() {
        String key256 = "k".repeat(256);
        assertThat(load(catalog(PUBSUB + "  attributes: {" + key256 + ": v}\n"), "").warnings())
                .noneMatch(w -> "R7.5".equals(w.rule()));

        assertThat(load(catalog(PUBSUB + "  attributes: {" + key256 + "k: v}\n"), "").warnings())
                .anySatisfy(w -> {
                    assertThat(w.path()).isEqualTo("pipelines.p.pubsub.attributes." + key256 + "k");
                    assertThat(w.rule()).isEqualTo("R7.5");
                });
    }

    @Test
    void aTopicIdHasAtLeast3Characters() {
        assertThat(((Target.Pubsub) only(catalog(PUBSUB.replace("ingest", "abc"))).target()).topic()).isEqualTo("abc");

        assertErrorAt(errors(catalog(PUBSUB.replace("ingest", "ab"))), "pipelines.p.pubsub.topic", "R7.2");
    }

    @Test
    void aServiceAccountIdHas6To30Characters() {
        assertThat(only(catalog(HTTP + "serviceAccount: abcdef\n")).serviceAccountId()).contains("abcdef");
        assertThat(only(catalog(HTTP + "serviceAccount: a" + "b".repeat(29) + "\n")).serviceAccountId())
                .contains("a" + "b".repeat(29));

        assertErrorAt(errors(catalog(HTTP + "serviceAccount: abcde\n")), "pipelines.p.serviceAccount", "R11.1");
        assertErrorAt(errors(catalog(HTTP + "serviceAccount: a" + "b".repeat(30) + "\n")), "pipelines.p.serviceAccount", "R11.1");
    }

    @Test
    void aDerivedServiceAccountIsPaddedOnlyBelow6Characters() {
        Pipeline ab = load("pipelines:\n  ab:\n" + HTTP.indent(4), "").pipelines().get(0);
        Pipeline a = load("pipelines:\n  a:\n" + HTTP.indent(4), "").pipelines().get(0);

        assertThat(ab.serviceAccountId()).contains("sch-ab");
        assertThat(a.serviceAccountId()).contains("sch-a-sa");
    }

    @Test
    void aDerivedServiceAccountOf30CharactersIsKeptAndALongerOneIsShortenedWithAHash() {
        String id26 = "abcdefghij-klmnopqrst-uvwx";
        String id28 = "abcdefghij-klmnopqrs-tuvwxyz";

        Pipeline kept = load("pipelines:\n  " + id26 + ":\n" + HTTP.indent(4), "").pipelines().get(0);
        Pipeline shortened = load("pipelines:\n  " + id28 + ":\n" + HTTP.indent(4), "").pipelines().get(0);

        assertThat(kept.serviceAccountId()).contains("sch-" + id26);
        // The first 25 characters ("sch-abcdefghij-klmnopqrs-") without the trailing '-', then '-' and four
        // hex digits of the id's hash, so two long ids with the same start still differ.
        String hash = String.format("%04x", Math.floorMod(id28.hashCode(), 0x10000));
        assertThat(shortened.serviceAccountId()).contains("sch-abcdefghij-klmnopqrs-" + hash);
    }

    private static String attributes(int n) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append("a").append(i).append(": v");
        }
        return out.append("}").toString();
    }
}
