package com.cqc.scheduler.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift} compares what the API keeps, field by field: headers (names case-insensitive, the ones
 * Cloud Scheduler sets ignored), Pub/Sub data and App Engine bodies decoded from base64, attributes
 * in any order, durations in any spelling, and the API's defaults where a field is absent. Each test
 * has one job in code and one in the cloud, and states which fields count as drift.
 */
class DriftFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "projects/p/locations/europe-west2/jobs/j";

    private static JsonNode job(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Drift.Change> changes(String code, String cloud) throws Exception {
        Drift.Report report = Drift.compare(List.of(job(code)), List.of(job(cloud)));
        return report.differences().getOrDefault(NAME, List.of());
    }

    private static String http(String extra) {
        return "{'name': '" + NAME + "', 'schedule': '0 1 * * *', 'httpTarget': {'uri': 'https://svc.example/run'" + extra + "}}";
    }

    private static String pubsub(String extra) {
        return "{'name': '" + NAME + "', 'schedule': '0 1 * * *', 'pubsubTarget': {'topicName': 'projects/p/topics/t'" + extra + "}}";
    }

    private static String appEngine(String target, String job) {
        return "{'name': '" + NAME + "', 'schedule': '0 1 * * *'" + job + ", 'appEngineHttpTarget': {" + target + "}}";
    }

    @Test
    void aHeaderValueThatDiffersIsDriftKeyedByTheLowercaseName() throws Exception {
        assertThat(changes(http(", 'headers': {'X-Team': 'ml'}"), http(", 'headers': {'x-team': 'ops'}")))
                .containsExactly(new Drift.Change("httpTarget.headers", "{x-team=ml}", "{x-team=ops}"));
    }

    @Test
    void headersDifferingOnlyInTheCaseOfTheirNamesAreNoDrift() throws Exception {
        assertThat(changes(http(", 'headers': {'Content-Type': 'text/plain'}"),
                http(", 'headers': {'content-type': 'text/plain'}"))).isEmpty();
    }

    @Test
    void aHeaderOnlyInTheCloudIsDriftButHeadersCloudSchedulerSetsAreNot() throws Exception {
        String managed = ", 'headers': {'User-Agent': 'Google-Cloud-Scheduler', 'X-CloudScheduler': 'true',"
                + " 'X-Google-Trace': '1', 'X-AppEngine-Country': 'ZZ', 'Host': 'svc.example', 'Content-Length': '0'}";
        assertThat(changes(http(""), http(managed))).isEmpty();

        assertThat(changes(http(""), http(", 'headers': {'X-Team': 'ml', 'User-Agent': 'x'}")))
                .containsExactly(new Drift.Change("httpTarget.headers", null, "{x-team=ml}"));
    }

    @Test
    void pubsubDataIsComparedDecoded() throws Exception {
        assertThat(changes(pubsub(", 'data': '" + b64("run") + "'"), pubsub(", 'data': '" + b64("run") + "'"))).isEmpty();

        assertThat(changes(pubsub(", 'data': '" + b64("{\"a\":1}") + "'"), pubsub(", 'data': '" + b64("stop") + "'")))
                .containsExactly(new Drift.Change("pubsubTarget.data", "{\"a\":1}", "stop"));
    }

    @Test
    void dataThatIsNotBase64IsShownAsItIsAndMarked() throws Exception {
        assertThat(changes(pubsub(", 'data': '" + b64("x") + "'"), pubsub(", 'data': 'not base64!'")))
                .containsExactly(new Drift.Change("pubsubTarget.data", "x", "(not base64) not base64!"));
    }

    @Test
    void pubsubAttributesCompareAsAMapInAnyOrder() throws Exception {
        assertThat(changes(pubsub(", 'attributes': {'a': '1', 'b': '2'}"), pubsub(", 'attributes': {'b': '2', 'a': '1'}")))
                .isEmpty();

        assertThat(changes(pubsub(", 'attributes': {'a': '1'}"), pubsub(", 'attributes': {'a': '2'}")))
                .containsExactly(new Drift.Change("pubsubTarget.attributes", "{a=1}", "{a=2}"));
    }

    @Test
    void anAppEngineBodyIsComparedDecodedAndItsHeadersLikeHttpOnes() throws Exception {
        String code = appEngine("'relativeUri': '/t', 'body': '" + b64("{\"k\":1}") + "', 'headers': {'X-A': '1'}", "");
        String cloud = appEngine("'relativeUri': '/t', 'body': '" + b64("{\"k\":2}") + "', 'headers': {'x-a': '1',"
                + " 'X-AppEngine-QueueName': '__cron'}", "");

        assertThat(changes(code, cloud)).containsExactly(new Drift.Change("appEngineHttpTarget.body", "{\"k\":1}", "{\"k\":2}"));
    }

    @Test
    void anAppEngineTargetGetsTheApisDefaultsAndComparesItsRouting() throws Exception {
        String bare = appEngine("", "");
        String explicit = appEngine("'relativeUri': '/', 'httpMethod': 'POST', 'appEngineRouting': {}", ", 'attemptDeadline': '180s'");
        assertThat(changes(bare, explicit)).isEmpty();

        String routed = appEngine("'appEngineRouting': {'service': 'worker', 'version': 'v2', 'instance': 'i1'}", "");
        assertThat(changes(bare, routed)).containsExactly(new Drift.Change("appEngineHttpTarget.routing",
                "service= version= instance=", "service=worker version=v2 instance=i1"));
    }

    @Test
    void durationsCompareByValueWhateverTheirSpelling() throws Exception {
        assertThat(changes(appEngine("", ", 'attemptDeadline': '30m'"), appEngine("", ", 'attemptDeadline': '1800.000s'")))
                .isEmpty();

        assertThat(changes(appEngine("", ", 'attemptDeadline': '24h'"), appEngine("", ", 'attemptDeadline': '86415s'")))
                .containsExactly(new Drift.Change("attemptDeadline", "86400s", "86415s"));
        assertThat(changes(http(""), http("").replace("}}", "}, 'attemptDeadline': '3m1s'}")))
                .containsExactly(new Drift.Change("attemptDeadline", "180s", "181s"));
    }

    @Test
    void anAbsentRetryConfigIsTheApisDefaults() throws Exception {
        String explicit = pubsub("").replace("'schedule'", "'retryConfig': {'retryCount': 0, 'maxRetryDuration': '0s',"
                + " 'minBackoffDuration': '5s', 'maxBackoffDuration': '1h', 'maxDoublings': 5}, 'schedule'");
        assertThat(changes(pubsub(""), explicit)).isEmpty();

        String changed = pubsub("").replace("'schedule'", "'retryConfig': {'retryCount': 2, 'maxRetryDuration': '10m',"
                + " 'minBackoffDuration': '6s', 'maxBackoffDuration': '2h', 'maxDoublings': 4}, 'schedule'");
        assertThat(changes(pubsub(""), changed)).containsExactlyInAnyOrder(
                new Drift.Change("retryConfig.retryCount", "0", "2"),
                new Drift.Change("retryConfig.maxRetryDuration", "0s", "600s"),
                new Drift.Change("retryConfig.minBackoffDuration", "5s", "6s"),
                new Drift.Change("retryConfig.maxBackoffDuration", "3600s", "7200s"),
                new Drift.Change("retryConfig.maxDoublings", "5", "4"));
    }

    @Test
    void anAbsentZoneAndDescriptionAreTheApisDefaultsButAnAbsentStateIsNoted() throws Exception {
        String explicit = pubsub("").replace("'schedule'", "'timeZone': 'UTC', 'description': '', 'schedule'");

        assertThat(changes(pubsub(""), explicit)).isEmpty();
        // A job with no state is not assumed enabled (issue 14, item 7): the difference is shown.
        assertThat(changes(pubsub(""), explicit.replace("'timeZone'", "'state': 'ENABLED', 'timeZone'")))
                .containsExactly(new Drift.Change("state", null, "ENABLED"));
        assertThat(changes(pubsub(""), explicit.replace("'UTC'", "'Europe/London'")))
                .containsExactly(new Drift.Change("timeZone", "Etc/UTC", "Europe/London"));
    }

    @Test
    void tokensCompareByKindAccountAudienceAndScopeWithTheApisDefaults() throws Exception {
        String oidc = http(", 'oidcToken': {'serviceAccountEmail': 'sa@p.iam.gserviceaccount.com'}");
        String oidcExplicit = http(", 'oidcToken': {'serviceAccountEmail': 'sa@p.iam.gserviceaccount.com',"
                + " 'audience': 'https://svc.example/run'}");
        assertThat(changes(oidc, oidcExplicit)).isEmpty();

        String oauth = http(", 'oauthToken': {'serviceAccountEmail': 'sa@p.iam.gserviceaccount.com'}");
        String oauthExplicit = http(", 'oauthToken': {'serviceAccountEmail': 'sa@p.iam.gserviceaccount.com',"
                + " 'scope': 'https://www.googleapis.com/auth/cloud-platform'}");
        assertThat(changes(oauth, oauthExplicit)).isEmpty();

        assertThat(changes(oidc, oauth)).containsExactly(new Drift.Change("httpTarget.token",
                "oidc sa@p.iam.gserviceaccount.com audience https://svc.example/run",
                "oauth sa@p.iam.gserviceaccount.com scope https://www.googleapis.com/auth/cloud-platform"));
    }

    @Test
    void aDifferentTargetKindIsDriftOfTheTargetItself() throws Exception {
        assertThat(changes(http(""), http("").replace("httpTarget", "pubsubTarget").replace("'uri'", "'topicName'")))
                .contains(new Drift.Change("target", "http", "pubsub"));
        assertThat(changes(http(""), "{'name': '" + NAME + "', 'schedule': '0 1 * * *'}"))
                .contains(new Drift.Change("target", "http", "(none this program supports)"));
    }

    @Test
    void aReportIsCleanOnlyWithNoJobOnOneSideAloneAndNoDifference() throws Exception {
        JsonNode a = job(pubsub(""));
        JsonNode other = job(pubsub("").replace("/jobs/j", "/jobs/k"));

        assertThat(Drift.compare(List.of(a), List.of(a)).clean()).isTrue();
        assertThat(Drift.compare(List.of(a), List.of()).clean()).isFalse();
        assertThat(Drift.compare(List.of(), List.of(other)).clean()).isFalse();
        assertThat(Drift.compare(List.of(a), List.of(job(pubsub(", 'data': 'eA=='")))).clean()).isFalse();
    }

    @Test
    void anAppEngineHeaderThatDiffersIsDrift() throws Exception {
        assertThat(changes(appEngine("'headers': {'X-A': '1'}", ""), appEngine("'headers': {'X-A': '2'}", "")))
                .containsExactly(new Drift.Change("appEngineHttpTarget.headers", "{x-a=1}", "{x-a=2}"));
    }
}
