package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.Invoker;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.Target;
import org.junit.jupiter.api.Nested;
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

/** The loader turns catalog + stack into the model, and reports every broken rule with path, value and rule. */
class StackLoaderTest {

    private static void assertOneError(List<Problem> errors, String path, String message, String rule) {
        assertThat(errors).as("errors").anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
            assertThat(p.rule()).isEqualTo(rule);
        });
    }

    @Nested
    class ValidPipelines {
        @Test
        void anHttpPipelineGetsItsDefaultsExplicitly() {
            Pipeline p = only(catalog(HTTP));
            Target.Http http = (Target.Http) p.target();

            assertThat(p.timeZone().getId()).isEqualTo("Etc/UTC");
            assertThat(p.retry().count()).isZero();
            assertThat(p.retry().maxDoublings()).isEqualTo(5);
            assertThat(http.deadline()).isEqualTo(Duration.ofMinutes(3));
            assertThat(http.auth()).isEqualTo(new Auth.Oidc("https://svc-123456789012.europe-west2.run.app"));
            assertThat(http.invoker()).isEqualTo(new Invoker.CloudRunService("svc"));
            assertThat(p.serviceAccountId()).contains("sch-p-sa");
        }

        @Test
        void aJsonBodyGetsItsContentType() {
            Target.Http http = (Target.Http) only(catalog(HTTP)).target();

            assertThat(http.body()).get().satisfies(b -> {
                assertThat(b.text()).isEqualTo("{\"a\":1}");
                assertThat(b.json()).isTrue();
            });
            assertThat(http.headers()).containsEntry("Content-Type", "application/json");
        }

        @Test
        void utcIsNormalisedToTheCanonicalName() {
            Pipeline p = only(catalog(PUBSUB + "timeZone: UTC\n"));

            assertThat(p.timeZone().getId()).isEqualTo("Etc/UTC");
        }

        @Test
        void placeholdersAreFilledFromTheStack() {
            Pipeline p = only(catalog(HTTP.replace("svc-123456789012.europe-west2", "svc-${projectNumber}.${region}")));

            assertThat(((Target.Http) p.target()).uri()).isEqualTo("https://svc-123456789012.europe-west2.run.app/run");
        }

        @Test
        void aStackOverridesOnlyTheFieldsItNames() {
            StackModel model = load(catalog(PUBSUB + "retry: {count: 2, minBackoff: 10s}\n"), """
                    cqc-scheduler:pipelines:
                      p:
                        paused: true
                        retry: {count: 4}
                    """);
            Pipeline p = model.pipelines().get(0);

            assertThat(p.paused()).isTrue();
            assertThat(p.retry().count()).isEqualTo(4);
            assertThat(p.retry().minBackoff()).isEqualTo(Duration.ofSeconds(10));
            assertThat(((Target.Pubsub) p.target()).topic()).isEqualTo("ingest");
        }

        @Test
        void aStackCanDisableAPipeline() {
            StackModel model = load(catalog(PUBSUB), "cqc-scheduler:pipelines: {p: {enabled: false}}\n");

            assertThat(model.pipelines()).isEmpty();
        }

        @Test
        void aLongIdGetsAShortenedServiceAccountThatStillFollowsR11() {
            String yaml = "pipelines:\n  a-very-long-pipeline-identifier-here:\n" + HTTP.indent(4);

            Pipeline p = load(yaml, "").pipelines().get(0);

            assertThat(p.serviceAccountId()).get().asString().hasSizeLessThanOrEqualTo(30).startsWith("sch-a-very-long")
                    .matches("[a-z]([-a-z0-9]*[a-z0-9])");
        }
    }

    @Nested
    class Errors {
        @Test
        void everyErrorIsReportedAtOnce() {
            List<Problem> errors = errors(catalog("""
                    schedule: "61 * * * *"
                    timeZone: Mars/Olympus
                    retry: {count: 9}
                    pubsub: {topic: t1, data: x}
                    """));

            assertThat(errors).extracting(Problem::path)
                    .containsExactlyInAnyOrder("pipelines.p.schedule", "pipelines.p.timeZone", "pipelines.p.retry.count",
                            "pipelines.p.pubsub.topic");
        }

        @Test
        void theMessageReadsAsPathValueAllowedAndRule() {
            List<Problem> errors = errors(catalog(PUBSUB + "retry: {count: 9}\n"));

            assertThat(errors).extracting(Problem::toString).containsExactly("pipelines.p.retry.count: 9 is outside 0..5 (R5.1)");
        }

        @Test
        void aValueSetInTheStackFileSaysSo() {
            List<Problem> errors = errors(catalog(PUBSUB), "cqc-scheduler:pipelines: {p: {retry: {count: 7}}}\n");

            assertThat(errors).extracting(Problem::toString)
                    .containsExactly("pipelines.p.retry.count: 7 is outside 0..5 [set in Pulumi.test.yaml] (R5.1)");
        }

        @Test
        void unknownSettingsAreTyposAndFail() {
            assertOneError(errors(catalog(PUBSUB + "retires: {count: 1}\n")), "pipelines.p.retires",
                    "unknown setting; allowed here: description, schedule", null);
        }

        @Test
        void anOverrideOfAPipelineTheCatalogLacksFails() {
            assertOneError(errors(catalog(PUBSUB), "cqc-scheduler:pipelines: {q: {paused: true}}\n"), "pipelines.q",
                    "is not in the catalog pipelines.yaml", null);
        }

        @Test
        void unknownPlaceholder() {
            assertOneError(errors(catalog(HTTP.replace("/run", "/${tenant}"))), "pipelines.p.http.url",
                    "unknown placeholder '${tenant}'", null);
        }

        @Test
        void r1_2JobId() {
            String yaml = "pipelines:\n  bad.id:\n" + PUBSUB.indent(4);
            assertOneError(errors(yaml), "pipelines.bad.id", "'bad.id' is not a job id", "R1.2");
        }

        @Test
        void r1_3ProjectId() {
            assertOneError(errors(catalog(PUBSUB), "gcp:project: Bad_Project\n"), "gcp:project",
                    "'Bad_Project' is not a project id", "R1.3");
        }

        @Test
        void r1_4Location() {
            assertOneError(errors(catalog(PUBSUB), "gcp:region: Europe West 2\n"), "gcp:region",
                    "'Europe West 2' in Pulumi.test.yaml is not a location id", "R1.4");
        }

        @Test
        void r1_7AppEngineJobsNeedTheAppRegion() {
            String stack = Stacks.STACK.replace("  cqc-scheduler:appEngineRegion: europe-west2\n", "");
            String catalog = catalog("""
                    schedule: "0 0 * * 0"
                    appEngine: {relativeUri: /tasks/weekly, method: GET}
                    """);
            List<Problem> errors;
            try {
                new StackLoader(Stacks.NOW).load(catalog, "pipelines.yaml", StackFile.parse("test", "Pulumi.test.yaml", "cqc-scheduler", stack));
                throw new AssertionError("expected an error");
            } catch (ConfigException e) {
                errors = e.problems();
            }
            assertOneError(errors, "pipelines.p.appEngine", "set cqc-scheduler:appEngineRegion", "R1.7");
        }

        @Test
        void r2_1ScheduleRequired() {
            assertOneError(errors(catalog("pubsub: {topic: ingest, data: x}\n")), "pipelines.p.schedule", "is required", "R2.1");
        }

        @Test
        void r2_2To2_6ScheduleSyntaxComesThroughWithItsRule() {
            assertOneError(errors(catalog(PUBSUB.replace("0 2 * * *", "0 2 L * *"))), "pipelines.p.schedule",
                    "'L' (last) is not supported", "R2.5");
            assertOneError(errors(catalog(PUBSUB.replace("0 2 * * *", "0 0 2 * * *"))), "pipelines.p.schedule",
                    "has 6 fields", "R2.2");
        }

        @Test
        void r3_1TimeZone() {
            assertOneError(errors(catalog(PUBSUB + "timeZone: Europe/Londn\n")), "pipelines.p.timeZone",
                    "'Europe/Londn' is not an IANA time zone name", "R3.1");
            assertOneError(errors(catalog(PUBSUB + "timeZone: \"+01:00\"\n")), "pipelines.p.timeZone",
                    "'+01:00' is not an IANA time zone name", "R3.1");
        }

        @Test
        void r4_2HttpDeadline() {
            assertOneError(errors(catalog(HTTP + "attemptDeadline: 31m\n")), "pipelines.p.attemptDeadline",
                    "'31m' is outside 15s..30m", "R4.2");
            assertOneError(errors(catalog(HTTP + "attemptDeadline: 10s\n")), "pipelines.p.attemptDeadline",
                    "'10s' is outside 15s..30m", "R4.2");
        }

        @Test
        void aValueIsEchoedAsWrittenNotNormalised() {
            assertOneError(errors(catalog(HTTP + "attemptDeadline: 1860s\n")), "pipelines.p.attemptDeadline",
                    "'1860s' is outside 15s..30m for this target", "R4.2");
            assertOneError(errors("defaults:\n  attemptDeadline: 0.5h1m\n" + catalog(HTTP)), "pipelines.p.attemptDeadline",
                    "'0.5h1m' (from defaults.attemptDeadline) is outside 15s..30m", "R4.2");
            assertThat(Stacks.warnings(catalog(HTTP + "retry: {minBackoff: 3600s, maxBackoff: 1800s}\n")))
                    .extracting(Problem::message).contains("3600s is longer than maxBackoff 1800s (API rule UNCONFIRMED)");
        }

        @Test
        void aWrongTypeSaysWhatWasFound() {
            assertThat(errors(catalog(HTTP + "labels: [team, ml]\n"))).extracting(Problem::toString)
                    .containsExactly("pipelines.p.labels: is a list '[\"team\",\"ml\"]'; expected a map such as {team: ml-platform}");
            assertThat(errors(catalog(HTTP + "retry: {count: [3]}\n"))).extracting(Problem::toString)
                    .containsExactly("pipelines.p.retry.count: '[3]' is a list, not a whole number");
            assertThat(errors(catalog(HTTP.replace("schedule: \"0 3 * * *\"", "schedule: {cron: '0 3 * * *'}"))))
                    .extracting(Problem::toString)
                    .containsExactly("pipelines.p.schedule: is a map '{\"cron\":\"0 3 * * *\"}'; expected a single value");
            assertThat(errors(catalog(HTTP + "paused: 1\n"))).extracting(Problem::toString)
                    .containsExactly("pipelines.p.paused: '1' is a number, not true or false");
        }

        @Test
        void aTypoGivesOneErrorWithTheLikelyIntent() {
            assertThat(errors(catalog(HTTP.replace("schedule:", "shedule:")))).extracting(Problem::toString)
                    .containsExactly("pipelines.p.shedule: unknown setting (did you mean 'schedule'?); allowed here: description,"
                            + " schedule, timeZone, http, pubsub, appEngine, retry, attemptDeadline, paused, enabled,"
                            + " serviceAccount, labels, formerIds");
            assertThat(errors(catalog(HTTP.replace("http:", "htpp:")))).extracting(Problem::path)
                    .containsExactly("pipelines.p.htpp");
            assertThat(errors(catalog(HTTP.replace("auth:", "auht:")))).extracting(Problem::path)
                    .containsExactly("pipelines.p.http.auht");
            assertThat(errors(catalog(HTTP.replace("  url:", "  uri:")))).extracting(Problem::path)
                    .containsExactly("pipelines.p.http.uri");
            assertThat(errors(catalog(PUBSUB.replace("topic:", "topc:")))).extracting(Problem::path)
                    .containsExactly("pipelines.p.pubsub.topc");
            assertThat(errors(catalog(HTTP.replace("auth: oidc", "auth: kerberos")))).extracting(Problem::path)
                    .containsExactly("pipelines.p.http.auth");
        }

        @Test
        void anUnknownZonePipelineOrPlaceholderSuggestsTheNearest() {
            assertThat(errors(catalog(HTTP + "timeZone: Europe/Londn\n"))).extracting(Problem::message).containsExactly(
                    "'Europe/Londn' is not an IANA time zone name (did you mean 'Europe/London'?); use one of the tz"
                            + " database, e.g. Etc/UTC or Europe/London");
            assertThat(errors(catalog(PUBSUB), "cqc-scheduler:pipelines: {pp: {paused: true}}\n")).extracting(Problem::message)
                    .first().asString().startsWith("is not in the catalog pipelines.yaml (did you mean 'p'?); a stack file only");
            assertThat(errors(catalog(HTTP.replace("${projectNumber}", "${projectNumbr}").replace("svc-123456789012", "svc-${projectNumbr}"))))
                    .extracting(Problem::message).first().asString()
                    .startsWith("unknown placeholder '${projectNumbr}' (did you mean '${projectNumber}'?); known: ");
        }

        @Test
        void r4_3AppEngineDeadline() {
            assertOneError(errors(catalog("""
                    schedule: "0 0 * * 0"
                    attemptDeadline: 25h
                    appEngine: {relativeUri: /tasks/weekly, method: GET}
                    """)), "pipelines.p.attemptDeadline", "'25h' is outside 15s..24h15s", "R4.3");
        }

        @Test
        void r4_4NoDeadlineOnPubsub() {
            assertOneError(errors(catalog(PUBSUB + "attemptDeadline: 60s\n")), "pipelines.p.attemptDeadline",
                    "is ignored by the API for Pub/Sub targets", "R4.4");
        }

        @Test
        void r5Retry() {
            assertOneError(errors(catalog(PUBSUB + "retry: {count: -1}\n")), "pipelines.p.retry.count", "-1 is outside 0..5", "R5.1");
            assertOneError(errors(catalog(PUBSUB + "retry: {maxDoublings: -2}\n")), "pipelines.p.retry.maxDoublings",
                    "-2 is negative", "R5.5");
            assertOneError(errors(catalog(PUBSUB + "retry: {minBackoff: five}\n")), "pipelines.p.retry.minBackoff",
                    "'five' is not a duration", null);
        }

        @Test
        void r6_1Uri() {
            assertOneError(errors(catalog(HTTP.replace("https://svc-123456789012.europe-west2.run.app/run", "ftp://host/x"))),
                    "pipelines.p.http.url", "'ftp://host/x' is not an http:// or https:// URL", "R6.1");
            assertOneError(errors(catalog(HTTP.replace("/run", "/" + "a".repeat(2100)))), "pipelines.p.http.url",
                    "characters long; at most 2083", "R6.1");
            assertOneError(errors(catalog(HTTP.replace("  url: https://svc-123456789012.europe-west2.run.app/run\n", ""))),
                    "pipelines.p.http.url", "is required", "R6.1");
        }

        @Test
        void r6_2And6_3MethodAndBody() {
            assertOneError(errors(catalog(HTTP + "  method: FETCH\n")), "pipelines.p.http.method", "'FETCH' is not allowed", "R6.2");
            assertOneError(errors(catalog(HTTP + "  method: GET\n")), "pipelines.p.http.body",
                    "a body is sent only with POST, PUT or PATCH, not GET", "R6.3");
        }

        @Test
        void r6_4ServiceManagedAndRepeatedHeaders() {
            assertOneError(errors(catalog(HTTP + "  headers: {X-Google-Trace: a}\n")), "pipelines.p.http.headers.X-Google-Trace",
                    "is set or stripped by Cloud Scheduler", "R6.4");
            assertOneError(errors(catalog(HTTP + "  headers: {User-Agent: me}\n")), "pipelines.p.http.headers.User-Agent",
                    "is set or stripped by Cloud Scheduler", "R6.4");
            assertOneError(errors(catalog(HTTP + "  headers: {X-Trace: a, x-trace: b}\n")), "pipelines.p.http.headers.x-trace",
                    "header 'x-trace' is repeated", "R6.4");
        }

        @Test
        void r6_5CredentialHeadersNeverLiveInPlainText() {
            assertOneError(errors(catalog(HTTP + "  headers: {Authorization: Bearer abc}\n")),
                    "pipelines.p.http.headers.Authorization", "'Authorization' carries a credential", "R6.5");
            assertOneError(errors(catalog(HTTP.replace("auth: oidc", "auth: kerberos"))), "pipelines.p.http.auth",
                    "'kerberos' is not an auth type; allowed: oidc, oauth, none", "R6.5");
        }

        @Test
        void r6_5AJobHasExactlyTheTokenItAsksFor() {
            String googleApi = HTTP.replace("https://svc-123456789012.europe-west2.run.app/run", "https://dataflow.googleapis.com/v1b3/x")
                    .replace("invoker: {cloudRunService: svc}", "invoker: {projectRole: roles/dataflow.developer}");
            String both = "auth: {type: %s, audience: 'https://svc', scope: 'https://www.googleapis.com/auth/cloud-platform'}";
            List<Problem> oidcBoth = errors(catalog(HTTP.replace("auth: oidc", both.formatted("oidc"))));
            List<Problem> oauthBoth = errors(catalog(googleApi.replace("auth: oidc", both.formatted("oauth"))));
            for (List<Problem> errors : List.of(oidcBoth, oauthBoth)) {
                assertThat(errors).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("pipelines.p.http.auth");
                    assertThat(p.message()).startsWith("names both an OIDC audience and an OAuth scope");
                    assertThat(p.rule()).isEqualTo("R6.5");
                });
            }
            assertThat(errors(catalog(HTTP.replace("auth: oidc", "auth: {type: oidc, scope: x}"))))
                    .extracting(Problem::toString).containsExactly("pipelines.p.http.auth: type oidc with a scope: a scope"
                            + " belongs to an OAuth token; remove scope or set type: oauth (R6.5)");
            assertThat(errors(catalog(googleApi.replace("auth: oidc", "auth: {type: oauth, audience: 'https://x'}"))))
                    .extracting(Problem::message).containsExactly("type oauth with an audience: an audience belongs to an"
                            + " OIDC token; remove audience or set type: oidc");
            assertThat(errors(catalog(HTTP.replace("auth: oidc", "auth: {type: none, audience: 'https://x'}")
                    .replace("  invoker: {cloudRunService: svc}\n", "")))).extracting(Problem::message)
                    .containsExactly("type none with an audience: a job without a token has neither; remove it or choose oidc or oauth");
        }

        @Test
        void r6_5AStackThatSwitchesTheTypeKeepsNoStaleAudience() {
            String catalog = catalog(HTTP.replace("https://svc-123456789012.europe-west2.run.app/run", "https://dataflow.googleapis.com/v1b3/x")
                    .replace("invoker: {cloudRunService: svc}", "invoker: {projectRole: roles/dataflow.developer}")
                    .replace("auth: oidc", "auth: {type: oidc, audience: 'https://x'}"));

            List<Problem> errors = errors(catalog, "cqc-scheduler:pipelines:\n  p:\n    http:\n      auth: {type: oauth}\n");

            assertThat(errors).extracting(Problem::toString).containsExactly("pipelines.p.http.auth: type oauth with an"
                    + " audience: an audience belongs to an OIDC token; remove audience or set type: oidc (R6.5)");
        }

        @Test
        void r6_6OauthOnlyForGoogleApisAndOidcElsewhere() {
            assertOneError(errors(catalog(HTTP.replace("auth: oidc", "auth: oauth"))), "pipelines.p.http.auth",
                    "OAuth tokens are only for *.googleapis.com", "R6.6");
            assertOneError(errors(catalog(HTTP.replace("https://svc-123456789012.europe-west2.run.app/run",
                    "https://dataflow.googleapis.com/v1b3/x"))), "pipelines.p.http.auth", "Google APIs take OAuth access tokens", "R6.6");
            assertOneError(errors(catalog(HTTP.replace("  auth: oidc\n", ""))), "pipelines.p.http.auth", "is required", "R6.6");
        }

        @Test
        void r7_1TopicInTheJobsProject() {
            assertOneError(errors(catalog(PUBSUB.replace("topic: ingest", "existingTopic: projects/other/topics/ingest"))),
                    "pipelines.p.pubsub.existingTopic", "is in project other", "R7.1");
            assertOneError(errors(catalog(PUBSUB.replace("  topic: ingest\n", ""))), "pipelines.p.pubsub.topic",
                    "give exactly one of topic", "R7.1");
        }

        @Test
        void r7_2TopicId() {
            assertOneError(errors(catalog(PUBSUB.replace("topic: ingest", "topic: google-topic"))), "pipelines.p.pubsub.topic",
                    "not with 'goog'", "R7.2");
            assertOneError(errors(catalog(PUBSUB.replace("topic: ingest", "topic: t1"))), "pipelines.p.pubsub.topic",
                    "'t1' is not a topic id", "R7.2");
        }

        @Test
        void r7_3MessageNeedsDataOrAttributes() {
            assertOneError(errors(catalog(PUBSUB.replace("  data: hello\n", ""))), "pipelines.p.pubsub",
                    "needs non-empty data or at least one attribute", "R7.3");
        }

        @Test
        void r7_5AttributeLimits() {
            StringBuilder many = new StringBuilder("  attributes: {");
            for (int i = 0; i < 101; i++) {
                many.append(i == 0 ? "" : ", ").append("k").append(i).append(": v");
            }
            assertOneError(errors(catalog(PUBSUB + many + "}\n")), "pipelines.p.pubsub.attributes", "has 101 attributes; at most 100", "R7.5");
            assertOneError(errors(catalog(PUBSUB + "  attributes: {big: " + "x".repeat(1025) + "}\n")),
                    "pipelines.p.pubsub.attributes.big", "the value takes 1025 bytes; at most 1024", "R7.5");
        }

        @Test
        void r8AppEngineTarget() {
            String base = """
                    schedule: "0 0 * * 0"
                    appEngine: {relativeUri: /tasks/weekly, method: GET}
                    """;
            assertOneError(errors(catalog(base.replace("method: GET", "method: PATCH"))), "pipelines.p.appEngine.method",
                    "'PATCH' is not allowed; allowed: POST, GET, HEAD, PUT, DELETE", "R8.1");
            assertOneError(errors(catalog(base.replace("method: GET", "method: DELETE, body: x"))), "pipelines.p.appEngine.body",
                    "only with POST or PUT, not DELETE", "R8.2");
            assertOneError(errors(catalog(base.replace("/tasks/weekly", "tasks/weekly"))), "pipelines.p.appEngine.relativeUri",
                    "must start with /", "R8.3");
            assertOneError(errors(catalog(base.replace("method: GET", "method: GET, headers: {X-AppEngine-Cron: t}"))),
                    "pipelines.p.appEngine.headers.X-AppEngine-Cron", "is set or stripped by Cloud Scheduler", "R8.5");
        }

        @Test
        void r9_1Description() {
            assertOneError(errors(catalog(PUBSUB + "description: " + "d".repeat(501) + "\n")), "pipelines.p.description",
                    "is 501 characters long; at most 500", "R9.1");
        }

        @Test
        void r9_4JobSize() {
            assertOneError(errors(catalog(PUBSUB.replace("data: hello", "data: " + "x".repeat(1024 * 1024)))), "pipelines.p",
                    "a job is at most 1 MB", "R9.4");
        }

        @Test
        void r9_7ExactlyOneTarget() {
            assertOneError(errors(catalog(PUBSUB + "appEngine: {relativeUri: /x}\n")), "pipelines.p",
                    "has 2 targets (pubsub, appEngine); a job has exactly one", "R9.7");
            assertOneError(errors(catalog("schedule: \"0 0 * * *\"\n")), "pipelines.p", "has no target", "R9.7");
        }

        @Test
        void r10_1TheProjectNumberNamesTheServiceAgent() {
            assertOneError(errors(catalog(PUBSUB), "cqc-scheduler:projectNumber: my-project\n"), "cqc-scheduler:projectNumber",
                    "'my-project' is not a project number", "R10.1");
        }

        @Test
        void r10_5InvokerGrants() {
            assertOneError(errors(catalog(HTTP.replace("  invoker: {cloudRunService: svc}\n", ""))), "pipelines.p.http.invoker",
                    "is required with a token", "R10.5");
            assertOneError(errors(catalog(HTTP.replace("{cloudRunService: svc}", "{projectRole: roles/editor}"))),
                    "pipelines.p.http.invoker.projectRole", "'roles/editor' is not an allowed invoker role (basic roles are never granted)", "R10.5");
            assertOneError(errors(catalog(HTTP.replace("{cloudRunService: svc}", "{projectRole: roles/run.admin}"))),
                    "pipelines.p.http.invoker.projectRole", "allowed: roles/bigquery.jobUser, roles/dataflow.developer", "R10.5");
            assertOneError(errors(catalog(HTTP.replace("auth: oidc", "auth: none"))), "pipelines.p.http.invoker",
                    "grants access to a job that sends no token", "R10.5");
            assertOneError(errors(catalog(HTTP.replace("{cloudRunService: svc}", "{cloudRunService: Svc_1}"))),
                    "pipelines.p.http.invoker.cloudRunService", "'Svc_1' is not a Cloud Run service", "R10.5");
        }

        @Test
        void r11_1ServiceAccountId() {
            assertOneError(errors(catalog(HTTP + "serviceAccount: Invoker_1\n")), "pipelines.p.serviceAccount",
                    "'Invoker_1' is not a service account id", "R11.1");
            assertOneError(errors(catalog(HTTP + "serviceAccount: short\n")), "pipelines.p.serviceAccount",
                    "'short' is not a service account id: 6..30", "R11.1");
        }

        @Test
        void twoPipelinesCannotCreateTheSameTopic() {
            String yaml = "pipelines:\n  a:\n" + PUBSUB.indent(4) + "  b:\n" + PUBSUB.indent(4);
            assertOneError(errors(yaml), "pipelines.b.pubsub.topic", "'ingest' is already created by a", "R7.2");
        }
    }

    @Nested
    class Warnings {
        private void assertWarning(List<Problem> warnings, String path, String message, String rule) {
            assertThat(warnings).anySatisfy(p -> {
                assertThat(p.isError()).isFalse();
                assertThat(p.path()).isEqualTo(path);
                assertThat(p.message()).contains(message);
                assertThat(p.rule()).isEqualTo(rule);
            });
        }

        @Test
        void r2_8LegacyFormat() {
            assertWarning(warnings(catalog(PUBSUB.replace("\"0 2 * * *\"", "every 24 hours"))), "pipelines.p.schedule",
                    "'every 24 hours' is the legacy English format", "R2.8");
        }

        @Test
        void r3_3DstHoursNameTheDates() {
            assertWarning(warnings(catalog(PUBSUB.replace("0 2 * * *", "30 1 * * *") + "timeZone: Europe/London\n")),
                    "pipelines.p.schedule", "fires at 01:30 Europe/London, a local time skipped on 2027-03-28 and"
                            + " repeated on 2027-10-31", "R3.3");
        }

        @Test
        void r5_7MinBackoffAboveMax() {
            assertWarning(warnings(catalog(PUBSUB + "retry: {minBackoff: 2h, maxBackoff: 1h}\n")), "pipelines.p.retry.minBackoff",
                    "2h is longer than maxBackoff 1h (API rule UNCONFIRMED)", "R5.7");
        }

        @Test
        void plainHttpAndNoTokenAreWarnedAbout() {
            assertWarning(warnings(catalog(HTTP.replace("https://", "http://"))), "pipelines.p.http.url", "is plain http", "R6.1");
            assertWarning(warnings(catalog(HTTP.replace("auth: oidc", "auth: none").replace("  invoker: {cloudRunService: svc}\n", ""))),
                    "pipelines.p.http.auth", "without a token", "R6.6");
        }

        @Test
        void r8_4InstanceRouting() {
            assertWarning(warnings(catalog("""
                    schedule: "0 0 * * 0"
                    appEngine: {relativeUri: /x, method: GET, routing: {instance: i1}}
                    """)), "pipelines.p.appEngine.routing.instance", "only with manual scaling", "R8.4");
        }

        @Test
        void r9_6NearTheJobsPerRegionQuota() {
            StringBuilder yaml = new StringBuilder("pipelines:\n");
            for (int i = 0; i < StackWideChecks.JOBS_PER_REGION_WARNING; i++) {
                yaml.append("  job-").append(i).append(": {schedule: \"0 2 * * *\", pubsub: {existingTopic: ingest, data: x}}\n");
            }
            assertWarning(load(yaml.toString(), "").warnings(), "pipelines", "900 jobs in europe-west2; the default"
                    + " quota is 1000 jobs per region (https://cloud.google.com/scheduler/quotas)", "R9.6");
        }

        @Test
        void r9_6MoreJobsThanARegionTakesIsAnError() {
            StringBuilder yaml = new StringBuilder("pipelines:\n");
            for (int i = 0; i <= StackWideChecks.JOBS_PER_REGION_MAX; i++) {
                yaml.append("  job-").append(i).append(": {schedule: \"0 2 * * *\", pubsub: {existingTopic: ingest, data: x}}\n");
            }
            assertThat(errors(yaml.toString())).extracting(Problem::toString).containsExactly("pipelines: 5001 jobs in"
                    + " europe-west2; Cloud Scheduler takes at most 5000 per region, even with a raised quota"
                    + " (https://cloud.google.com/scheduler/quotas); move jobs to another region or project (R9.6)");
        }
    }
}
