package com.cqc.scheduler.infra;

import com.cqc.scheduler.offline.PlannedResource;
import com.cqc.scheduler.offline.ProviderEmulator;
import com.pulumi.test.Mocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.cqc.scheduler.infra.ProgramRun.ACCOUNT;
import static com.cqc.scheduler.infra.ProgramRun.JOB;
import static com.cqc.scheduler.infra.ProgramRun.PROJECT_MEMBER;
import static com.cqc.scheduler.infra.ProgramRun.RUN_MEMBER;
import static com.cqc.scheduler.infra.ProgramRun.TOPIC;
import static com.cqc.scheduler.infra.ProgramRun.TOPIC_MEMBER;
import static com.cqc.scheduler.infra.ProgramRun.at;
import static com.cqc.scheduler.infra.ProgramRun.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Each stack file through the real program on the mock engine: what every pipeline registers. */
class StackProgramTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyPipelineRegistersItsScheduleZoneRetryDeadlineTargetAndAuth(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        assertThat(run.ofType(JOB)).hasSize(Expected.JOBS.size());
        for (Expected.Job e : Expected.JOBS) {
            PlannedResource job = run.get(JOB, e.id() + "-job");
            assertThat(at(job, "name")).as(e.id()).isEqualTo(e.id());
            assertThat(at(job, "project")).isEqualTo(Expected.project(stack));
            assertThat(at(job, "region")).isEqualTo("europe-west2");
            assertThat(at(job, "schedule")).as(e.id() + " schedule").isEqualTo(e.cron());
            assertThat(at(job, "timeZone")).as(e.id() + " zone").isEqualTo(e.zone());
            assertThat(at(job, "paused")).as(e.id() + " paused").isEqualTo(Expected.PAUSED.get(stack).contains(e.id()));
            assertThat(integer(at(job, "retryConfig.retryCount"))).as(e.id() + " retries")
                    .isEqualTo(Expected.retryCount(stack, e.id()));
            assertThat(at(job, "attemptDeadline")).as(e.id() + " deadline").isEqualTo(e.deadline());
            switch (e.target()) {
                case "pubsub" -> assertThat(at(job, "pubsubTarget.topicName"))
                        .isEqualTo("projects/" + Expected.project(stack) + "/topics/" + e.endpoint());
                case "appengine" -> {
                    assertThat(at(job, "appEngineHttpTarget.relativeUri")).isEqualTo(e.endpoint());
                    assertThat(at(job, "appEngineHttpTarget.httpMethod")).isEqualTo("GET");
                    assertThat(at(job, "appEngineHttpTarget.appEngineRouting.service")).isEqualTo("worker");
                    assertThat(at(job, "appEngineHttpTarget.appEngineRouting.version")).isEqualTo("v1");
                }
                default -> {
                    assertThat(at(job, "httpTarget.uri")).as(e.id() + " uri").isEqualTo(Expected.fill(e.endpoint(), stack));
                    assertThat(at(job, "httpTarget.httpMethod")).isEqualTo("POST");
                }
            }
            String email = "sch-" + e.id() + "@" + Expected.project(stack) + ".iam.gserviceaccount.com";
            switch (e.auth()) {
                case "oidc" -> {
                    assertThat(at(job, "httpTarget.oidcToken.serviceAccountEmail")).as(e.id()).isEqualTo(email);
                    assertThat(at(job, "httpTarget.oauthToken")).isNull();
                }
                case "oauth" -> {
                    assertThat(at(job, "httpTarget.oauthToken.serviceAccountEmail")).isEqualTo(email);
                    assertThat(at(job, "httpTarget.oauthToken.scope")).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
                    assertThat(at(job, "httpTarget.oidcToken")).isNull();
                }
                default -> assertThat(run.find(ACCOUNT, e.id() + "-invoker")).as(e.id() + " has no invoker").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theOidcAudienceIsTheServiceBaseUrlOrTheFunctionUrl(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());
        String n = Expected.PROJECT_NUMBER.get(stack);

        assertThat(at(run.get(JOB, "weekly-model-training-job"), "httpTarget.oidcToken.audience"))
                .isEqualTo("https://ml-training-" + n + ".europe-west2.run.app");
        assertThat(at(run.get(JOB, "function-trigger-job"), "httpTarget.oidcToken.audience"))
                .isEqualTo("https://europe-west2-" + Expected.project(stack) + ".cloudfunctions.net/cqc-nightly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void eachGrantIsTheNarrowestOneForItsTarget(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());
        String project = Expected.project(stack);

        for (Expected.Job e : Expected.JOBS) {
            String member = "serviceAccount:sch-" + e.id() + "@" + project + ".iam.gserviceaccount.com";
            if ("roles/run.invoker".equals(e.invokerRole())) {
                PlannedResource grant = run.get(RUN_MEMBER, e.id() + "-run-invoker");
                assertThat(at(grant, "role")).isEqualTo("roles/run.invoker");
                assertThat(at(grant, "member")).isEqualTo(member);
                assertThat(at(grant, "name")).isEqualTo(e.grantOn());
                assertThat(at(grant, "location")).isEqualTo("europe-west2");
                assertThat(at(grant, "project")).isEqualTo(project);
            } else if (e.invokerRole() != null) {
                PlannedResource grant = run.get(PROJECT_MEMBER, e.id() + "-project-invoker");
                assertThat(at(grant, "role")).isEqualTo(e.invokerRole());
                assertThat(at(grant, "member")).isEqualTo(member);
                assertThat(at(grant, "project")).isEqualTo(project);
            }
            if (e.target().equals("pubsub")) {
                PlannedResource topic = run.get(TOPIC, e.id() + "-topic");
                assertThat(at(topic, "name")).isEqualTo(e.endpoint());
                PlannedResource publisher = run.get(TOPIC_MEMBER, e.id() + "-publisher");
                assertThat(at(publisher, "role")).isEqualTo("roles/pubsub.publisher");
                assertThat(at(publisher, "member")).isEqualTo("serviceAccount:service-" + Expected.PROJECT_NUMBER.get(stack)
                        + "@gcp-sa-cloudscheduler.iam.gserviceaccount.com");
                assertThat(at(publisher, "topic")).isEqualTo("projects/" + project + "/topics/" + e.endpoint());
            }
        }
        assertThat(run.ofType(RUN_MEMBER)).hasSize(5);
        assertThat(run.ofType(PROJECT_MEMBER)).hasSize(1);
        assertThat(run.ofType(ACCOUNT)).hasSize(6);
        assertThat(run.ofType(TOPIC_MEMBER)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyChildIsParentedToItsComponent(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        for (PlannedResource r : run.resources) {
            if (r.type().equals(ScheduledPipeline.TYPE)) {
                assertThat(r.parentUrn()).as(r.name() + " is top-level").isNull();
                assertThat(r.urn()).isEqualTo("urn:pulumi:" + stack + "::cqc-scheduler::cqc:scheduler:ScheduledPipeline::" + r.name());
            } else if (r.pipeline() != null) {
                assertThat(r.parentUrn()).as(r.name())
                        .isEqualTo("urn:pulumi:" + stack + "::cqc-scheduler::cqc:scheduler:ScheduledPipeline::" + r.pipeline());
                assertThat(r.name()).startsWith(r.pipeline() + "-");
            }
        }
        assertThat(run.ofType(ScheduledPipeline.TYPE)).extracting(PlannedResource::name)
                .containsExactlyElementsOf(Expected.JOBS.stream().map(Expected.Job::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void prodProtectsTopicsAndServiceAccountsAndTheOthersDoNot(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());
        boolean prod = stack.equals("prod");

        assertThat(run.ofType(TOPIC)).isNotEmpty().allSatisfy(t -> {
            assertThat(t.options().protect()).as(t.name()).isEqualTo(prod);
            assertThat(t.options().retainOnDelete()).as(t.name()).isEqualTo(prod);
        });
        assertThat(run.ofType(ACCOUNT)).isNotEmpty().allSatisfy(a -> assertThat(a.options().protect()).isEqualTo(prod));
        assertThat(run.ofType(JOB)).allSatisfy(j -> assertThat(j.options().protect()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void bodiesAndDataAreBase64OfTheJsonTheCatalogDescribes(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        assertThat(decode(at(run.get(JOB, "daily-data-ingestion-job"), "pubsubTarget.data")))
                .isEqualTo("{\"date\":\"today\",\"source\":\"cqc-api\"}");  // keys sorted (P16)
        assertThat(decode(at(run.get(JOB, "weekly-model-training-job"), "httpTarget.body")))
                .isEqualTo("{\"model\":\"cqc-classifier\",\"version\":\"auto\"}");
        assertThat(decode(at(run.get(JOB, "dataflow-launch-job"), "httpTarget.body"))).isEqualTo(
                "{\"jobName\":\"cqc-etl\",\"parameters\":{\"inputTable\":\"cqc-ml-" + stack + ":raw.events\","
                        + "\"outputTable\":\"cqc-ml-" + stack + ":processed.events\"}}");
        assertThat(at(run.get(JOB, "data-quality-check-job"), "pubsubTarget.attributes"))
                .isEqualTo(java.util.Map.of("check_type", "completeness", "severity", "warning"));
        String recipient = stack.equals("staging") ? "cqc-ml-staging@cqc.example" : "cqc-ml-team@cqc.example";
        assertThat(decode(at(run.get(JOB, "monthly-reports-job"), "httpTarget.body")))
                .isEqualTo("{\"recipients\":[\"" + recipient + "\"],\"type\":\"monthly\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theEngineIsAskedForExactlyTheseResourcesAndNoBroaderGrant(String stack) {
        Mocks provider = spy(new ProviderEmulator());

        ProgramRun.of(stack, provider);

        verify(provider, times(10)).newResourceAsync(argThat(a -> a != null && a.type.equals(JOB)));
        verify(provider, times(3)).newResourceAsync(argThat(a -> a != null && a.type.equals(TOPIC)));
        verify(provider, times(6)).newResourceAsync(argThat(a -> a != null && a.type.equals(ACCOUNT)));
        verify(provider, never()).newResourceAsync(argThat(a -> a != null && a.inputs.containsKey("role")
                && List.of("roles/owner", "roles/editor", "roles/viewer", "roles/iam.serviceAccountUser")
                .contains(String.valueOf(a.inputs.get("role")))));
        verify(provider, never()).newResourceAsync(argThat(a -> a != null && String.valueOf(a.inputs.get("member"))
                .matches("allUsers|allAuthenticatedUsers")));
        verify(provider, never()).newResourceAsync(argThat(a -> a != null && a.type.equals("gcp:serviceaccount/key:Key")));
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(String.valueOf(base64)), StandardCharsets.UTF_8);
    }
}
