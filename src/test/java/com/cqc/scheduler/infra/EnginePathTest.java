package com.cqc.scheduler.infra;

import com.cqc.scheduler.offline.PlannedResource;
import com.cqc.scheduler.offline.ProviderEmulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.cqc.scheduler.infra.ProgramRun.JOB;
import static com.cqc.scheduler.infra.ProgramRun.TOPIC_MEMBER;
import static com.cqc.scheduler.infra.ProgramRun.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mock engine cannot show by itself because it never calls the provider's Check or Diff, pinned on
 * the options the program registers (issue 10): ignoreChanges for the provider-owned deadline of Pub/Sub jobs
 * (P13) and the order against the APIs that create what a resource needs.
 */
class EnginePathTest {
    private static final String APIS = "::cqc-scheduler::gcp:projects/service:Service::api-";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void pubsubJobsLeaveTheirDeadlineToTheProviderAndTheOthersSendTheirs(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        for (Expected.Job expected : Expected.JOBS) {
            PlannedResource job = run.get(JOB, expected.id() + "-job");
            if (expected.target().equals("pubsub")) {
                assertThat(job.options().ignoreChanges()).as(expected.id()).containsExactly("attemptDeadline");
                assertThat(at(job, "attemptDeadline")).as(expected.id()).isNull();
            } else {
                assertThat(job.options().ignoreChanges()).as(expected.id()).isEmpty();
                assertThat(at(job, "attemptDeadline")).as(expected.id()).isEqualTo(expected.deadline());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void thePublisherGrantToTheSchedulerAgentWaitsForTheSchedulerApiThatCreatesTheAgent(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());

        assertThat(run.ofType(TOPIC_MEMBER)).hasSize((int) Expected.JOBS.stream().filter(j -> j.target().equals("pubsub")).count())
                .allSatisfy(grant -> {
                    assertThat(at(grant, "member")).isEqualTo("serviceAccount:service-" + Expected.PROJECT_NUMBER.get(stack)
                            + "@gcp-sa-cloudscheduler.iam.gserviceaccount.com");
                    assertThat(grant.options().dependsOn()).containsExactlyInAnyOrder(
                            "urn:pulumi:" + stack + APIS + "cloudscheduler", "urn:pulumi:" + stack + APIS + "pubsub");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyCloudResourceWaitsForTheApiItCalls(String stack) {
        ProgramRun run = ProgramRun.of(stack, new ProviderEmulator());
        String apis = "urn:pulumi:" + stack + APIS;

        for (PlannedResource r : run.resources) {
            String api = switch (r.type()) {
                case JOB, TOPIC_MEMBER -> "cloudscheduler";
                case ProgramRun.TOPIC -> "pubsub";
                case ProgramRun.ACCOUNT -> "iam";
                case "gcp:monitoring/alertPolicy:AlertPolicy", "gcp:monitoring/notificationChannel:NotificationChannel" -> "monitoring";
                default -> null;
            };
            if (api != null) {
                assertThat(r.options().dependsOn()).as(r.name()).contains(apis + api);
            }
        }
        long alerting = run.resources.stream().filter(r -> r.type().startsWith("gcp:monitoring/")).count();
        assertThat(alerting).isEqualTo(stack.equals("dev") ? 0 : 2);
        run.find("gcp:monitoring/alertPolicy:AlertPolicy", "failure-alerting-policy").ifPresent(policy ->
                assertThat(policy.options().dependsOn()).as("the policy reads a Logging metric")
                        .contains(apis + "monitoring", apis + "logging"));
    }
}
