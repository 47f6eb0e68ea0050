package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.OfflineEngine;
import com.cqc.scheduler.offline.PlannedResource;
import com.cqc.scheduler.offline.ProviderEmulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.cqc.scheduler.infra.ProgramRun.JOB;
import static com.cqc.scheduler.infra.ProgramRun.at;
import static com.cqc.scheduler.infra.ProgramRun.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each pitfall of docs/pitfalls.md, pinned on what the program registers (P1..P12). */
class PitfallsTest {
    private static final String STACK = """
            config:
              gcp:project: cqc-ml-test
              gcp:region: europe-west2
              cqc-scheduler:projectNumber: "123456789012"
              cqc-scheduler:appEngineRegion: europe-west3
            """;

    private static final String CATALOG = """
            pipelines:
              ingest:
                schedule: "0 2 * * *"
                timeZone: UTC
                retry: {count: 0}
                pubsub: {topic: ingest, data: {a: 1}}
              train:
                schedule: "0 3 * * *"
                http:
                  url: https://train-123456789012.europe-west2.run.app/train
                  body: {model: m}
                  auth: oidc
                  invoker: {cloudRunService: train}
              textual:
                schedule: "0 4 * * *"
                paused: true
                http:
                  url: https://svc.example.com/hook
                  body: plain words
                  headers: {Content-Type: text/plain}
                  auth: oidc
                  invoker: none
              weekly:
                schedule: "0 0 * * 0"
                appEngine: {relativeUri: /tasks/weekly, method: GET}
            """;

    private static List<PlannedResource> plan() {
        try {
            StackModel model = new StackLoader(Instant.parse("2026-11-29T00:00:00Z"))
                    .load(CATALOG, "pipelines.yaml", StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, STACK));
            return OfflineEngine.plan(model);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static PlannedResource job(List<PlannedResource> plan, String id) {
        return plan.stream().filter(r -> r.type().equals(JOB) && r.name().equals(id + "-job")).findFirst().orElseThrow();
    }

    @Test
    void p1_pubsubJobsNeverSendAnAttemptDeadline() {
        List<PlannedResource> plan = plan();

        assertThat(job(plan, "ingest").props()).doesNotContainKey("attemptDeadline");
        assertThat(at(job(plan, "train"), "attemptDeadline")).isEqualTo("180s");
    }

    @Test
    void p2_theRetryConfigIsCompleteEvenWithZeroRetries() {
        Map<String, Object> retry = map(at(job(plan(), "ingest"), "retryConfig"));

        assertThat(retry).containsOnlyKeys("retryCount", "maxRetryDuration", "minBackoffDuration", "maxBackoffDuration", "maxDoublings");
        assertThat(((Number) retry.get("retryCount")).intValue()).isZero();
        assertThat(retry).containsEntry("maxRetryDuration", "0s").containsEntry("minBackoffDuration", "5s")
                .containsEntry("maxBackoffDuration", "3600s");
        assertThat(((Number) retry.get("maxDoublings")).intValue()).isEqualTo(5);
    }

    @Test
    void p3_p10_headersNeverCarryWhatTheServiceSetsOrACredential() {
        List<PlannedResource> plan = plan();
        for (PlannedResource job : plan.stream().filter(r -> r.type().equals(JOB)).toList()) {
            Object headers = at(job, "httpTarget.headers");
            if (headers != null) {
                assertThat(map(headers).keySet()).noneMatch(h -> h.matches("(?i)authorization|user-agent|host|content-length|x-google-.*|x-appengine-.*"));
            }
        }
        String catalog = CATALOG.replace("headers: {Content-Type: text/plain}", "headers: {Authorization: Bearer s3cr3t}");
        assertThatThrownBy(() -> new StackLoader(Instant.now()).load(catalog, "pipelines.yaml",
                StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, STACK)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines.textual.http.headers.Authorization: 'Authorization' carries a credential")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void p10_noCredentialInPlainConfigReachesAJob() {
        String key = "AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK";
        String catalog = CATALOG.replace("url: https://svc.example.com/hook", "url: https://svc.example.com/hook?key=" + key)
                .replace("relativeUri: /tasks/weekly", "relativeUri: '/tasks/weekly?key=" + key + "'")
                .replace("data: {a: 1}", "data: {a: 1, key: " + key + "}")
                .replace("url: https://train-", "url: https://trainer:Hunter2Secret@train-");
        assertThatThrownBy(() -> new StackLoader(Instant.now()).load(catalog, "pipelines.yaml",
                StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, STACK)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines.textual.http.url: the URL's query string looks like a Google API key")
                .hasMessageContaining("pipelines.weekly.appEngine.relativeUri: the URL's query string looks like a Google API key")
                .hasMessageContaining("pipelines.ingest.pubsub.data.key: the value looks like a Google API key")
                .hasMessageContaining("pipelines.train.http.url: 'https://[masked]@train-")
                .hasMessageNotContaining(key).hasMessageNotContaining("Hunter2Secret");
    }

    @Test
    void p4_theOidcAudienceIsAlwaysSet() {
        List<PlannedResource> plan = plan();

        assertThat(at(job(plan, "train"), "httpTarget.oidcToken.audience")).isEqualTo("https://train-123456789012.europe-west2.run.app");
        assertThat(at(job(plan, "textual"), "httpTarget.oidcToken.audience")).isEqualTo("https://svc.example.com");
    }

    @Test
    void p5_bodiesAreEncodedOnceFromPlainTextOrYaml() {
        List<PlannedResource> plan = plan();

        assertThat(at(job(plan, "ingest"), "pubsubTarget.data")).isEqualTo("eyJhIjoxfQ==");      // {"a":1}
        assertThat(at(job(plan, "textual"), "httpTarget.body")).isEqualTo("cGxhaW4gd29yZHM=");  // plain words
    }

    @Test
    void p6_jsonBodiesCarryTheirContentTypeAndOthersKeepTheirs() {
        List<PlannedResource> plan = plan();

        assertThat(map(at(job(plan, "train"), "httpTarget.headers"))).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(map(at(job(plan, "textual"), "httpTarget.headers"))).containsExactly(Map.entry("Content-Type", "text/plain"));
    }

    @Test
    void p7_pausedIsAlwaysSentExplicitly() {
        List<PlannedResource> plan = plan();

        assertThat(at(job(plan, "textual"), "paused")).isEqualTo(true);
        assertThat(at(job(plan, "train"), "paused")).isEqualTo(false);
    }

    @Test
    void p8_appEngineJobsLiveInTheAppEngineRegion() {
        List<PlannedResource> plan = plan();

        assertThat(at(job(plan, "weekly"), "region")).isEqualTo("europe-west3");
        assertThat(at(job(plan, "train"), "region")).isEqualTo("europe-west2");
    }

    @Test
    void p9_utcIsSentAsTheCanonicalZone() {
        assertThat(at(job(plan(), "ingest"), "timeZone")).isEqualTo("Etc/UTC");
    }

    @Test
    void p11_everyTokenHasItsOwnInvokerAccount() {
        List<PlannedResource> plan = plan();

        assertThat(plan).filteredOn(r -> r.type().equals(ProgramRun.ACCOUNT)).extracting(r -> at(r, "accountId"))
                .containsExactly("sch-train", "sch-textual");
        assertThat(at(job(plan, "textual"), "httpTarget.oidcToken.serviceAccountEmail"))
                .isEqualTo("sch-textual@cqc-ml-test.iam.gserviceaccount.com");
    }

    @Test
    void p12_fixedNameJobsAreDeletedBeforeTheyAreReplacedAndWaitForWhatTheyNeed() {
        List<PlannedResource> plan = plan();
        String apis = "urn:pulumi:test::cqc-scheduler::gcp:projects/service:Service::api-";
        String child = "urn:pulumi:test::cqc-scheduler::cqc:scheduler:ScheduledPipeline$";

        assertThat(plan).filteredOn(r -> r.type().equals(JOB)).allSatisfy(j -> assertThat(j.options().deleteBeforeReplace()).isTrue());
        assertThat(job(plan, "train").options().dependsOn()).containsExactly(apis + "cloudscheduler",
                child + "gcp:cloudrunv2/serviceIamMember:ServiceIamMember::train-run-invoker");
        assertThat(job(plan, "ingest").options().dependsOn()).containsExactly(apis + "cloudscheduler",
                child + "gcp:pubsub/topicIAMMember:TopicIAMMember::ingest-publisher");
        assertThat(job(plan, "textual").options().dependsOn()).containsExactly(apis + "cloudscheduler",
                child + "gcp:serviceaccount/account:Account::textual-invoker");
        assertThat(resource(plan, "train-run-invoker").options().dependsOn())
                .containsExactly(child + "gcp:serviceaccount/account:Account::train-invoker");
        assertThat(resource(plan, "train-invoker").options().dependsOn()).containsExactly(apis + "iam");
        assertThat(resource(plan, "ingest-topic").options().dependsOn()).containsExactly(apis + "pubsub");
    }

    private static PlannedResource resource(List<PlannedResource> plan, String name) {
        return plan.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theEmulatorRefusesTypesItDoesNotKnow() {
        assertThatThrownBy(() -> new ProviderEmulator().newResourceAsync(
                new com.pulumi.test.Mocks.ResourceArgs("gcp:storage/bucket:Bucket", "b", Map.of(), null, null)))
                .hasMessageContaining("does not know the resource type gcp:storage/bucket:Bucket");
    }
}
