package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.Invoker;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.load;
import static com.cqc.scheduler.config.Stacks.only;
import static com.cqc.scheduler.config.Stacks.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a pipeline gets without writing it: the catalog's default zone and labels, placeholders filled in
 * header values and audiences, no invoker account for a job that sends no token; and the alerting
 * targets a stack names are checked one by one.
 */
class DefaultsCarryTest {

    @Test
    void aPipelineTakesTheCatalogsDefaultZoneAndLabels() {
        String yaml = "defaults:\n  timeZone: Europe/London\n  labels: {team: ml}\n" + catalog(PUBSUB + "labels: {tier: gold}\n");

        Pipeline p = load(yaml, "").pipelines().get(0);

        assertThat(p.timeZone().getId()).isEqualTo("Europe/London");
        assertThat(p.labels()).containsEntry("team", "ml").containsEntry("tier", "gold")
                .containsEntry("environment", "test").containsEntry("pipeline", "p").containsEntry("managed-by", "pulumi");
    }

    @Test
    void aLabelThatIsNotALabelIsAnErrorAtItsKey() {
        assertThat(errors(catalog(PUBSUB + "labels: {Team: ml}\n"))).extracting(Problem::path)
                .containsExactly("pipelines.p.labels.Team");
        assertThat(errors(catalog(PUBSUB + "labels: {team: ML}\n"))).extracting(Problem::path)
                .containsExactly("pipelines.p.labels.team");
    }

    @Test
    void placeholdersAreFilledInHeaderValuesAndAudiences() {
        String http = HTTP.replace("auth: oidc", "auth: {type: oidc, audience: \"https://aud-${projectNumber}.example\"}")
                + "  headers: {X-Env: \"${environment}-${region}\"}\n";

        Target.Http target = (Target.Http) only(catalog(http)).target();

        assertThat(target.headers()).containsEntry("X-Env", "test-europe-west2");
        assertThat(target.auth()).isEqualTo(new Auth.Oidc("https://aud-123456789012.example"));
    }

    @Test
    void anUnknownPlaceholderIsAnErrorThatListsTheKnownOnes() {
        List<Problem> errors = errors(catalog(PUBSUB.replace("data: hello", "data: \"${projct}\"")));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p.pubsub.data");
            assertThat(p.message()).contains("${projct}", "${environment}, ${project}, ${projectNumber}, ${region}, ${stack}");
        });
    }

    @Test
    void aJobWithoutATokenHasNoInvokerAccountAndNeedsNoGrant() {
        String http = HTTP.replace("auth: oidc", "auth: none").replace("invoker: {cloudRunService: svc}", "invoker: none");

        Pipeline p = only(catalog(http));

        assertThat(((Target.Http) p.target()).auth()).isEqualTo(new Auth.None());
        assertThat(((Target.Http) p.target()).invoker()).isEqualTo(new Invoker.None());
        assertThat(p.serviceAccountId()).isEmpty();
        assertThat(warnings(catalog(http))).anySatisfy(w -> assertThat(w.path()).isEqualTo("pipelines.p.http.auth"));
    }

    @Test
    void anInvokerGrantForAJobThatSendsNoTokenIsAnError() {
        assertThat(errors(catalog(HTTP.replace("auth: oidc", "auth: none")))).extracting(Problem::path)
                .containsExactly("pipelines.p.http.invoker");
    }

    @Test
    void aUrlThatIsNotHttpIsAnError() {
        assertThat(errors(catalog(HTTP.replace("https://", "ftp://")))).extracting(Problem::path)
                .contains("pipelines.p.http.url");
    }

    @Test
    void aMessageNeedsDataOrAnAttribute() {
        assertThat(errors(catalog(PUBSUB.replace("data: hello", "data: \"\"")))).extracting(Problem::path)
                .containsExactly("pipelines.p.pubsub");
        assertThat(only(catalog(PUBSUB.replace("data: hello", "data: \"\"\n  attributes: {a: b}"))).target())
                .isInstanceOf(Target.Pubsub.class);
    }

    @Test
    void maxDoublingsOfZeroIsOnlyTheUnsendableZeroError() {
        assertThat(errors(catalog(PUBSUB + "retry: {maxDoublings: 0}\n"))).extracting(Problem::rule).containsExactly("P15");
    }

    @Test
    void everyAlertingAddressIsChecked() {
        String stack = "cqc-scheduler:alerting:\n  emails: [ml@cqc.example, not-an-address]\n"
                + "  channels: [projects/p/notificationChannels/1, channel-1]\n";

        assertThat(errors(catalog(PUBSUB), stack)).extracting(Problem::path)
                .containsExactly("cqc-scheduler:alerting.emails", "cqc-scheduler:alerting.channels");
    }

    @Test
    void validAlertingTargetsAreKept() {
        StackModel model = load(catalog(PUBSUB), "cqc-scheduler:alerting:\n  failedAttempts: 3\n  window: 10m\n"
                + "  emails: [ml@cqc.example]\n  channels: [projects/p/notificationChannels/1]\n");
        Alerting alerting = model.settings().alerting();

        assertThat(alerting.emails()).containsExactly("ml@cqc.example");
        assertThat(alerting.channels()).containsExactly("projects/p/notificationChannels/1");
        assertThat(alerting.window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void slackAlertsNeedTheirTokenSetAsASecret() {
        assertThat(errors(catalog(PUBSUB), "cqc-scheduler:alerting: {slackChannel: \"#ml\"}\n")).extracting(Problem::path)
                .containsExactly("cqc-scheduler:slackAuthToken");
    }

    @Test
    void alertingThatIsNotAMapIsAnError() {
        assertThat(errors(catalog(PUBSUB), "cqc-scheduler:alerting: [ml@cqc.example]\n")).extracting(Problem::path)
                .containsExactly("cqc-scheduler:alerting");
    }

    @Test
    void humanDurationsUseTheLargestWholeUnit() {
        assertThat(Durations.human(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(Durations.human(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Durations.human(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(Durations.human(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Durations.human(Duration.ofSeconds(86_460))).isEqualTo("24h1m");
    }
}
