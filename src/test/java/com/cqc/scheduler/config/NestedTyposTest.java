package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelt key is an error at every depth, not only at the pipeline's own level: {@code retry: {cout: 3}}
 * would otherwise deploy the default retry count without a word. The error names the misspelt key's path
 * and the key that was meant is among the allowed ones it lists.
 */
class NestedTyposTest {
    private static final String APP_ENGINE = """
            schedule: "0 3 * * *"
            appEngine:
              relativeUri: /run
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "retry: {cout: 3}|PUBSUB|pipelines.p.retry.cout|count",
            "retry: {count: 1, minBackof: 5s}|PUBSUB|pipelines.p.retry.minBackof|minBackoff",
            "'  dat: hello'|PUBSUB|pipelines.p.pubsub.dat|data",
            "'  metod: GET'|HTTP|pipelines.p.http.metod|method",
            "'  routing: {servce: worker}'|APP_ENGINE|pipelines.p.appEngine.routing.servce|service",
            "'  relativeUrl: /x'|APP_ENGINE|pipelines.p.appEngine.relativeUrl|relativeUri"})
    void aMisspeltKeyBelowThePipelineIsAnErrorAtItsPath(String line, String base, String path, String meant) {
        List<Problem> errors = errors(catalog(body(base) + line + "\n"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(meant);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "auth: {type: oidc, audiance: https://svc}|pipelines.p.http.auth.audiance|audience",
            "invoker: {cloudRunServce: svc}|pipelines.p.http.invoker.cloudRunServce|cloudRunService"})
    void aMisspeltKeyInsideAuthOrInvokerIsAnErrorAtItsPath(String replacement, String path, String meant) {
        String key = replacement.substring(0, replacement.indexOf(':'));
        String http = HTTP.lines().map(l -> l.trim().startsWith(key + ":") ? "  " + replacement : l)
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(errors(catalog(http))).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(meant);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "defaults: {retyr: {count: 1}}|defaults.retyr|retry",
            "defaults: {timezone: Etc/UTC}|defaults.timezone|timeZone",
            "pipeline: {}|pipeline|pipelines"})
    void aMisspeltKeyInTheCatalogsOuterMapsIsAnError(String prefix, String path, String meant) {
        List<Problem> errors = errors(prefix + "\n" + catalog(PUBSUB));

        assertThat(errors).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(meant);
        });
    }

    @Test
    void aMisspeltKeyInAStackFileIsAnErrorThatNamesTheStackFile() {
        List<Problem> errors = errors(catalog(PUBSUB), "cqc-scheduler:pipelines: {p: {retry: {cout: 3}}}\n");

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p.retry.cout");
            assertThat(p.message()).contains("count", "Pulumi.test.yaml");
        });
    }

    private static String body(String name) {
        return switch (name) {
            case "PUBSUB" -> PUBSUB;
            case "HTTP" -> HTTP;
            default -> APP_ENGINE;
        };
    }
}
