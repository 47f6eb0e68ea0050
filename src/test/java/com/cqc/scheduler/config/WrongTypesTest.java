package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value of the wrong type is an error at its own path, never read as something else: a word where a
 * boolean or number belongs, a map or list where a single value belongs, a single value where a map or
 * list belongs.
 */
class WrongTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "paused: maybe|pipelines.p.paused",
            "enabled: 3|pipelines.p.enabled",
            "retry: {count: three}|pipelines.p.retry.count",
            "retry: {count: 1.5}|pipelines.p.retry.count",
            "description: [a, b]|pipelines.p.description",
            "labels: {team: [a, b]}|pipelines.p.labels.team",
            "labels: [team]|pipelines.p.labels",
            "formerIds: {a: b}|pipelines.p.formerIds",
            "formerIds: [[a]]|pipelines.p.formerIds",
            "formerIds: [p]|pipelines.p.formerIds",
            "formerIds: ['bad id']|pipelines.p.formerIds"})
    void aValueOfTheWrongTypeIsAnErrorAtItsPath(String line, String path) {
        List<Problem> errors = errors(catalog(PUBSUB + line + "\n"));

        assertThat(errors).extracting(Problem::path).containsExactly(path);
    }

    @Test
    void aTargetThatIsNotAMapIsAnErrorAtTheTarget() {
        assertThat(errors(catalog("schedule: \"0 1 * * *\"\npubsub: [ingest]\n"))).extracting(Problem::path)
                .containsExactly("pipelines.p.pubsub");
    }

    @Test
    void anInvokerThatIsNeitherAMapNorNoneIsAnError() {
        String http = HTTP.replace("invoker: {cloudRunService: svc}", "invoker: [svc]");

        assertThat(errors(catalog(http))).extracting(Problem::path).containsExactly("pipelines.p.http.invoker");
    }

    @Test
    void quotedBooleansAndNumbersAreReadAsTheirValues() {
        Pipeline p = only(catalog(PUBSUB + "paused: \"true\"\nretry: {count: \"2\"}\n"));

        assertThat(p.paused()).isTrue();
        assertThat(p.retry().count()).isEqualTo(2);
    }

    @Test
    void earlierIdsOfAPipelineAreKept() {
        assertThat(only(catalog(PUBSUB + "formerIds: [old-name, older_name]\n")).formerIds())
                .containsExactly("old-name", "older_name");
        assertThat(only(catalog(PUBSUB + "formerIds: old-name\n")).formerIds()).containsExactly("old-name");
    }

    @Test
    void aCatalogThatIsNotAMapOrHasNoPipelinesIsAnError() {
        assertThatThrownBy(() -> new StackLoader(Stacks.NOW).load("- a\n- b\n", "pipelines.yaml", Stacks.stack("")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problem::path)
                        .containsExactly("pipelines.yaml"));
        assertThat(errors("pipelines: {}\n")).extracting(Problem::path).containsExactly("pipelines");
    }

    @Test
    void theErrorMessageCountsTheErrors() {
        assertThatThrownBy(() -> new StackLoader(Stacks.NOW).load(catalog(PUBSUB + "paused: maybe\n"), "pipelines.yaml",
                Stacks.stack(""))).hasMessageStartingWith("invalid configuration (1 error):");
        assertThatThrownBy(() -> new StackLoader(Stacks.NOW).load(catalog(PUBSUB + "paused: maybe\nenabled: 3\n"),
                "pipelines.yaml", Stacks.stack(""))).hasMessageStartingWith("invalid configuration (2 errors):");
    }
}
