package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks no other test reaches: each one fires on its own input and names its path. */
class RemainingChecksTest {

    private static List<Problem> stackErrors(String from, String to) {
        try {
            StackFile stack = StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, Stacks.STACK.replace(from, to));
            new StackLoader(Stacks.NOW).load(catalog(PUBSUB), "pipelines.yaml", stack);
        } catch (ConfigException e) {
            return e.problems().stream().filter(Problem::isError).toList();
        }
        throw new AssertionError("expected an error after replacing " + from + " with " + to);
    }

    @Test
    void anAppEngineRegionThatIsNotALocationIsAnError() {
        assertThat(stackErrors("appEngineRegion: europe-west2", "appEngineRegion: Europe West")).extracting(Problem::path)
                .containsExactly("cqc-scheduler:appEngineRegion");
    }

    @Test
    void anEnvironmentThatIsNotALabelValueIsAnError() {
        // Today the bad value also fails as each pipeline's environment label (a follow-on error).
        assertThat(stackErrors("environment: test", "environment: Test")).extracting(Problem::path)
                .contains("cqc-scheduler:environment");
    }

    @Test
    void aSlackTokenInPlainTextIsAnError() {
        assertThat(errors(catalog(PUBSUB), "cqc-scheduler:alerting: {slackChannel: \"#ml\"}\n"
                + "cqc-scheduler:slackAuthToken: plain\n")).extracting(Problem::path)
                .containsExactly("cqc-scheduler:slackAuthToken");
    }

    @Test
    void aUrlThatDoesNotParseIsAnError() {
        assertThat(errors(catalog(HTTP.replace("europe-west2.run.app/run", "europe-west2.run.app/a b"))))
                .extracting(Problem::path).contains("pipelines.p.http.url");
    }

    @Test
    void anInvokerWithTwoGrantsIsAnError() {
        String http = HTTP.replace("invoker: {cloudRunService: svc}", "invoker: {cloudRunService: svc, function: fn}");

        assertThat(errors(catalog(http))).extracting(Problem::path).containsExactly("pipelines.p.http.invoker");
    }

    @Test
    void equalBackoffsAreAConstantWaitAndOnlyAShorterMaximumIsWarnedAbout() {
        assertThat(warnings(catalog(PUBSUB + "retry: {minBackoff: 1m, maxBackoff: 1m}\n")))
                .noneMatch(w -> "R5.7".equals(w.rule()));
        assertThat(warnings(catalog(PUBSUB + "retry: {minBackoff: 61s, maxBackoff: 1m}\n")))
                .anyMatch(w -> "R5.7".equals(w.rule()) && w.path().equals("pipelines.p.retry.minBackoff"));
    }

    @Test
    void aDstWarningNamesEachLocalTimeThatIsSkippedOrRepeated() {
        assertThat(warnings(catalog(PUBSUB.replace("schedule: \"0 2 * * *\"", "schedule: \"0,30 1 * * *\"")
                + "timeZone: Europe/London\n")))
                .anySatisfy(w -> {
                    assertThat(w.rule()).isEqualTo("R3.3");
                    assertThat(w.message()).contains("01:00, 01:30", "skipped on 2027-03-28", "repeated on 2027-10-31");
                });
    }

    @Test
    void anEmptyCatalogIsAnErrorAtTheCatalogFile() {
        assertThatThrownBy(() -> new StackLoader(Stacks.NOW).load("", "pipelines.yaml", Stacks.stack("")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problem::path)
                        .containsExactly("pipelines.yaml"));
    }
}
