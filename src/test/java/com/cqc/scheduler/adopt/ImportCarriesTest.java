package com.cqc.scheduler.adopt;

import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.StackSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} carries every setting of a job into its catalog entry as the API holds it: headers
 * (less the ones Cloud Scheduler sets, and the Content-Type a JSON body implies), Pub/Sub data and
 * attributes, App Engine bodies, methods, routing and deadlines, decoded from base64, with the stack's
 * own project, number and region turned into placeholders.
 */
class ImportCarriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StackSettings PROD = new StackSettings("prod", "prod", "cqc-ml-prod", "100000000003",
            "europe-west2", "europe-west1", true, Duration.ofDays(7), Alerting.OFF);
    private static final String JOBS = "projects/cqc-ml-prod/locations/europe-west2/jobs/";

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Translation translate(String json) throws Exception {
        return new JobTranslator(PROD).translate(JSON.readTree(json.replace('\'', '"')));
    }

    private static ObjectNode entry(String json) throws Exception {
        Translation t = translate(json);
        assertThat(t).as("%s", t).isInstanceOf(Translation.Imported.class);
        return ((Translation.Imported) t).entry();
    }

    private static List<String> notes(String json) throws Exception {
        return ((Translation.Imported) translate(json)).notes();
    }

    private static String http(String target, String job) {
        return "{'name': '" + JOBS + "j', 'schedule': '0 1 * * *', 'state': 'ENABLED'" + job + ", 'httpTarget': {'uri':"
                + " 'https://api.example.com/run', 'httpMethod': 'PUT'" + target + "}}";
    }

    private static String pubsub(String target) {
        return "{'name': '" + JOBS + "j', 'schedule': '0 1 * * *', 'state': 'ENABLED', 'pubsubTarget': {'topicName':"
                + " 'projects/cqc-ml-prod/topics/t'" + target + "}}";
    }

    private static String appEngine(String target, String job) {
        return "{'name': 'projects/cqc-ml-prod/locations/europe-west1/jobs/j', 'schedule': '0 1 * * *', 'state': 'ENABLED'"
                + job + ", 'appEngineHttpTarget': {" + target + "}}";
    }

    @Test
    void userHeadersAreCarriedAsWrittenAndHeadersCloudSchedulerSetsAreLeftOutWithANote() throws Exception {
        String job = http(", 'headers': {'X-Team': 'ml', 'User-Agent': 'Google-Cloud-Scheduler', 'X-CloudScheduler': 'true'}", "");

        assertThat(entry(job).path("http").path("headers").toString()).isEqualTo("{\"X-Team\":\"ml\"}");
        assertThat(notes(job)).anyMatch(n -> n.contains("header User-Agent is set by Cloud Scheduler"))
                .anyMatch(n -> n.contains("header X-CloudScheduler is set by Cloud Scheduler"));
    }

    @Test
    void theJsonContentTypeIsImpliedByAJsonBodyButKeptWithATextBody() throws Exception {
        String json = ", 'body': '" + b64("{\"a\":1}") + "', 'headers': {'Content-Type': 'application/json'}";
        ObjectNode withJson = entry(http(json, ""));
        assertThat(withJson.path("http").path("body").toString()).isEqualTo("{\"a\":1}");
        assertThat(withJson.path("http").has("headers")).isFalse();

        String text = ", 'body': '" + b64("a=1") + "', 'headers': {'Content-Type': 'application/json'}";
        ObjectNode withText = entry(http(text, ""));
        assertThat(withText.path("http").path("body").asText()).isEqualTo("a=1");
        assertThat(withText.path("http").path("headers").toString()).isEqualTo("{\"Content-Type\":\"application/json\"}");

        String other = ", 'body': '" + b64("{\"a\":1}") + "', 'headers': {'Content-Type': 'application/merge-patch+json'}";
        assertThat(entry(http(other, "")).path("http").path("headers").path("Content-Type").asText())
                .isEqualTo("application/merge-patch+json");
    }

    @Test
    void anHttpJobKeepsItsMethodAndItsDeadlineAsTheApiWritesIt() throws Exception {
        ObjectNode entry = entry(http("", ", 'attemptDeadline': '900s'"));

        assertThat(entry.path("http").path("method").asText()).isEqualTo("PUT");
        assertThat(entry.path("attemptDeadline").asText()).isEqualTo("900s");
        assertThat(entry(http("", "")).path("attemptDeadline").asText()).as("the API's default").isEqualTo("180s");
    }

    @Test
    void pubsubDataIsDecodedTextOrYamlAndAttributesAreCarried() throws Exception {
        ObjectNode text = entry(pubsub(", 'data': '" + b64("run for cqc-ml-prod") + "', 'attributes': {'team': 'ml', 'env': 'prod'}"));
        assertThat(text.path("pubsub").path("existingTopic").asText()).isEqualTo("t");
        assertThat(text.path("pubsub").path("data").asText()).isEqualTo("run for ${project}");
        assertThat(text.path("pubsub").path("attributes").toString()).isEqualTo("{\"team\":\"ml\",\"env\":\"prod\"}");

        ObjectNode json = entry(pubsub(", 'data': '" + b64("{\"date\":\"today\"}") + "'"));
        assertThat(json.path("pubsub").path("data").isObject()).isTrue();
        assertThat(json.path("pubsub").path("data").toString()).isEqualTo("{\"date\":\"today\"}");
        assertThat(json.path("pubsub").has("attributes")).isFalse();
    }

    @Test
    void dataThatIsNotBase64OfUtf8TextIsNotImported() throws Exception {
        String binary = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        for (String data : List.of("%%%", binary)) {
            Translation t = translate(pubsub(", 'data': '" + data + "'"));
            assertThat(t).isInstanceOf(Translation.Skipped.class);
            assertThat(((Translation.Skipped) t).reasons()).singleElement().asString()
                    .contains("its data is not base64 of UTF-8 text");
        }
    }

    @Test
    void anAppEngineJobCarriesItsBodyMethodHeadersRoutingAndDeadline() throws Exception {
        ObjectNode entry = entry(appEngine("'relativeUri': '/tasks/run', 'httpMethod': 'PUT', 'body': '" + b64("{\"k\":[1,2]}")
                + "', 'headers': {'X-Team': 'ml', 'X-AppEngine-QueueName': '__cron'}, 'appEngineRouting': {'service':"
                + " 'worker', 'instance': 'i1'}", ", 'attemptDeadline': '86415s'"));

        assertThat(entry.path("appEngine").toString()).isEqualTo("{\"relativeUri\":\"/tasks/run\",\"method\":\"PUT\","
                + "\"body\":{\"k\":[1,2]},\"headers\":{\"X-Team\":\"ml\"},\"routing\":{\"service\":\"worker\",\"instance\":\"i1\"}}");
        assertThat(entry.path("attemptDeadline").asText()).isEqualTo("86415s");
    }

    @Test
    void anAppEngineJobWithoutSettingsGetsTheApisDefaultsAndNoEmptyRouting() throws Exception {
        ObjectNode entry = entry(appEngine("'appEngineRouting': {}", ""));

        assertThat(entry.path("appEngine").toString()).isEqualTo("{\"relativeUri\":\"/\",\"method\":\"POST\"}");
        assertThat(entry.path("attemptDeadline").asText()).isEqualTo("180s");
    }

    @Test
    void anAppEngineJobMustLiveInTheAppEngineRegionNotTheStacksRegion() throws Exception {
        Translation t = translate(appEngine("", "").replace("europe-west1", "europe-west2"));

        assertThat(t).isInstanceOf(Translation.Skipped.class);
        assertThat(((Translation.Skipped) t).reasons()).singleElement().asString()
                .contains("lives in europe-west2 but this stack's jobs of its kind live in europe-west1");
    }

    @Test
    void everyRetrySettingIsCarriedAsTheApiWritesIt() throws Exception {
        String job = pubsub(", 'data': 'eA=='").replace("'schedule'", "'retryConfig': {'retryCount': 3, 'maxRetryDuration':"
                + " '600s', 'minBackoffDuration': '10s', 'maxBackoffDuration': '300s', 'maxDoublings': 16}, 'schedule'");

        assertThat(entry(job).path("retry").toString()).isEqualTo("{\"count\":3,\"maxRetryDuration\":\"600s\","
                + "\"minBackoff\":\"10s\",\"maxBackoff\":\"300s\",\"maxDoublings\":16}");
    }

    @Test
    void aPausedJobStaysPausedAndAnUnknownStateIsNoted() throws Exception {
        assertThat(entry(pubsub(", 'data': 'eA=='").replace("'ENABLED'", "'PAUSED'")).path("paused").asBoolean()).isTrue();
        assertThat(entry(pubsub(", 'data': 'eA=='")).has("paused")).isFalse();

        assertThat(notes(pubsub(", 'data': 'eA=='").replace("'ENABLED'", "'UPDATE_FAILED'")))
                .anyMatch(n -> n.contains("its state is UPDATE_FAILED"));
    }

    @Test
    void anOidcAudienceOtherThanTheOriginAndAnOauthScopeOtherThanCloudPlatformAreWrittenOut() throws Exception {
        String oidc = ", 'oidcToken': {'serviceAccountEmail': 'runner@cqc-ml-prod.iam.gserviceaccount.com', 'audience':"
                + " 'https://api.example.com'}";
        assertThat(entry(http(oidc, "")).path("http").path("auth").asText()).isEqualTo("oidc");
        assertThat(entry(http(oidc.replace("api.example.com'", "api.example.com/cqc-ml-prod'"), "")).path("http").path("auth")
                .toString()).isEqualTo("{\"type\":\"oidc\",\"audience\":\"https://api.example.com/${project}\"}");

        String oauth = http(", 'oauthToken': {'serviceAccountEmail': 'runner@cqc-ml-prod.iam.gserviceaccount.com', 'scope':"
                + " 'https://www.googleapis.com/auth/bigquery'}", "").replace("api.example.com", "bigquery.googleapis.com");
        ObjectNode entry = entry(oauth);
        assertThat(entry.path("http").path("auth").toString())
                .isEqualTo("{\"type\":\"oauth\",\"scope\":\"https://www.googleapis.com/auth/bigquery\"}");
        assertThat(entry.path("http").path("invoker").toString()).isEqualTo("{\"projectRole\":\"roles/bigquery.jobUser\"}");
        assertThat(entry.path("serviceAccount").asText()).isEqualTo("runner");
    }

    @Test
    void theDefaultInvokerAccountIsNotWrittenButStillReused() throws Exception {
        Translation t = translate(http(", 'oidcToken': {'serviceAccountEmail': 'sch-job1@cqc-ml-prod.iam.gserviceaccount.com'}", "")
                .replace("/jobs/j'", "/jobs/job1'"));

        assertThat(t).isInstanceOf(Translation.Imported.class);
        assertThat(((Translation.Imported) t).entry().has("serviceAccount")).isFalse();
        assertThat(((Translation.Imported) t).reusedAccount()).contains("sch-job1");
    }

    @Test
    void aFieldInsideATargetThatThisProgramCannotKeepSkipsTheJob() throws Exception {
        for (String job : List.of(http(", 'futureField': 1", ""), pubsub(", 'futureField': 1"),
                appEngine("'futureField': 1", ""))) {
            Translation t = translate(job);
            assertThat(t).isInstanceOf(Translation.Skipped.class);
            assertThat(((Translation.Skipped) t).reasons()).singleElement().asString().contains("Target.futureField");
        }
    }

    @Test
    void theInvokerGrantIsInferredFromTheHost() throws Exception {
        String oidc = ", 'oidcToken': {'serviceAccountEmail': 'runner@cqc-ml-prod.iam.gserviceaccount.com'}";

        assertThat(entry(http(oidc, "").replace("api.example.com", "etl-abc123xyz-nw.a.run.app")).path("http").path("invoker")
                .toString()).isEqualTo("{\"cloudRunService\":\"etl\"}");
        assertThat(entry(http(oidc, "").replace("api.example.com/run", "europe-west2-cqc-ml-prod.cloudfunctions.net/nightly/x"))
                .path("http").path("invoker").toString()).isEqualTo("{\"function\":\"nightly\"}");
        assertThat(entry(http(oidc, "").replace("api.example.com/run", "europe-west2-cqc-ml-prod.cloudfunctions.net/"))
                .path("http").path("invoker").asText()).isEqualTo("none");
        assertThat(entry(http(oidc.replace("oidc", "oauth"), "").replace("api.example.com", "workflowexecutions.googleapis.com"))
                .path("http").path("invoker").toString()).isEqualTo("{\"projectRole\":\"roles/workflows.invoker\"}");
    }
}
