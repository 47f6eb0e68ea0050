package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad value in the defaults, the catalog's or a stack file's ({@code cqc-scheduler:defaults}), wrong whatever
 * pipeline it reaches: one error at {@code defaults.PATH}, however many pipelines the defaults reach (none
 * included), naming the stack file when it wrote the value. A deadline wrong only for some targets stays
 * with each pipeline it is wrong for, saying it came from the defaults (see CatalogMerge).
 */
class DefaultsValuesTest {
    /** A bad default: the defaults as a YAML flow map, the path of the one error and how its message starts. */
    record Bad(String defaults, String path, String message) {}

    private static final List<Bad> BAD = List.of(
            new Bad("{retry: {count: 9}}", "defaults.retry.count", "9 is outside 0..5"),
            new Bad("{retry: {count: three}}", "defaults.retry.count", "'three' is text, not a whole number"),
            new Bad("{retry: {maxDoublings: -1}}", "defaults.retry.maxDoublings", "-1 is negative"),
            new Bad("{retry: {maxDoublings: 0}}", "defaults.retry.maxDoublings", "0 cannot be set"),
            new Bad("{retry: {minBackoff: 0s}}", "defaults.retry.minBackoff", "0s cannot be set"),
            new Bad("{retry: {maxRetryDuration: soon}}", "defaults.retry.maxRetryDuration", "'soon' is not a duration"),
            new Bad("{timeZone: Europe/Londn}", "defaults.timeZone", "'Europe/Londn' is not an IANA time zone name"),
            new Bad("{timeZone: [Etc/UTC]}", "defaults.timeZone", "is a list '[\"Etc/UTC\"]'; expected a single value"),
            new Bad("{labels: {Team: x}}", "defaults.labels.Team", "'Team: x' is not a label"),
            new Bad("{labels: {team: Data Science}}", "defaults.labels.team", "'team: Data Science' is not a label"),
            new Bad("{labels: {team: [a]}}", "defaults.labels.team", "is a list '[\"a\"]'; expected a single value"),
            new Bad("{attemptDeadline: soon}", "defaults.attemptDeadline", "'soon' is not a duration"),
            new Bad("{attemptDeadline: 5s}", "defaults.attemptDeadline", "'5s' is outside 15s..24h15s"),
            new Bad("{attemptDeadline: 25h}", "defaults.attemptDeadline", "'25h' is outside 15s..24h15s"));

    @Provide
    Arbitrary<Bad> bad() {
        return Arbitraries.of(BAD);
    }

    /** {@code http} HTTP pipelines, {@code appEngine} App Engine ones and {@code pubsub} Pub/Sub ones. */
    private static String catalog(int http, int appEngine, int pubsub) {
        StringBuilder out = new StringBuilder("pipelines:\n");
        for (int i = 0; i < http; i++) {
            out.append("  h").append(i).append(":\n    schedule: \"0 3 * * *\"\n    http: {url: https://svc.example.com/run,"
                    + " auth: none, invoker: none}\n");
        }
        for (int i = 0; i < appEngine; i++) {
            out.append("  a").append(i).append(":\n    schedule: \"0 3 * * *\"\n    appEngine: {relativeUri: /run}\n");
        }
        for (int i = 0; i < pubsub; i++) {
            out.append("  p").append(i).append(":\n    schedule: \"0 3 * * *\"\n    pubsub: {topic: t-").append(i)
                    .append(", data: hi}\n");
        }
        return out.toString();
    }

    private static List<Problem> errors(String catalog, String defaults, boolean inStackFile) {
        return inStackFile ? Stacks.errors(catalog, "cqc-scheduler:defaults: " + defaults + "\n")
                : Stacks.errors("defaults: " + defaults + "\n" + catalog);
    }

    @Property(tries = 250)
    void aBadDefaultIsOneErrorAtItsPathHoweverManyPipelinesItReaches(
            @ForAll("bad") Bad bad, @ForAll boolean inStackFile, @ForAll @IntRange(min = 0, max = 3) int http,
            @ForAll @IntRange(min = 0, max = 2) int appEngine, @ForAll @IntRange(min = 1, max = 2) int pubsub) {
        List<Problem> errors = errors(catalog(http, appEngine, pubsub), bad.defaults(), inStackFile);

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(bad.path());
            assertThat(p.message()).startsWith(bad.message());
            assertThat(p.message().endsWith(" [set in Pulumi.test.yaml]")).isEqualTo(inStackFile);
        });
    }

    @Property(tries = 30)
    void aDeadlineWrongOnlyForHttpIsAnErrorOfEachHttpPipelineSayingWhereItWasSet(
            @ForAll @IntRange(min = 1, max = 3) int http, @ForAll @IntRange(min = 0, max = 2) int appEngine,
            @ForAll boolean inStackFile) {
        List<Problem> errors = errors(catalog(http, appEngine, 1), "{attemptDeadline: 1h}", inStackFile);

        assertThat(errors).hasSize(http).allSatisfy(p -> {
            assertThat(p.path()).matches("pipelines\\.h[0-9]\\.attemptDeadline");
            assertThat(p.message()).isEqualTo("'1h' (from defaults.attemptDeadline" + (inStackFile ? ", set in Pulumi.test.yaml" : "")
                    + ") is outside 15s..30m for this target");
        });
    }

    @Example
    void aMinimumBackoffAboveTheMaximumInTheDefaultsIsOneWarningThere() {
        List<Problem> warnings = Stacks.warnings("defaults: {retry: {minBackoff: 2h, maxBackoff: 1h}}\n" + catalog(0, 0, 3));

        assertThat(warnings).filteredOn(w -> "R5.7".equals(w.rule())).singleElement()
                .satisfies(w -> assertThat(w.path()).isEqualTo("defaults.retry.minBackoff"));
    }

    @Example
    void aPipelineThatSetsEitherBackoffHasTheWarningOfItsOwn() {
        String catalog = catalog(0, 0, 2).replace("  p1:\n", "  p1:\n    retry: {maxBackoff: 30m}\n");
        List<Problem> warnings = Stacks.warnings("defaults: {retry: {minBackoff: 45m}}\n" + catalog);

        assertThat(warnings).filteredOn(w -> "R5.7".equals(w.rule())).extracting(Problem::path)
                .containsExactly("pipelines.p1.retry.minBackoff");
    }
}
