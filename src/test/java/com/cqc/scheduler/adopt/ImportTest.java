package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.StackModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import of the documented REST shapes: every target type and the odd cases. */
class ImportTest {
    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    static StackFile prod() throws Exception {
        return StackFile.read(Path.of("."), StackLoader.PROJECT, "prod");
    }

    static List<Translation> translate(String fixture) throws Exception {
        StackFile stack = prod();
        StackModel model = new StackLoader(NOW).load(Path.of("."), stack);
        List<JsonNode> jobs = CloudJobs.parse(Files.readString(Path.of("src/test/resources/adopt", fixture)), fixture);
        return new Importer(model.settings(), stack, NOW).translate(jobs, Set.of(), "");
    }

    private static Map<String, Translation> byId(List<Translation> translations) {
        return translations.stream().collect(Collectors.toMap(t -> JobName.parse(t.name()).orElseThrow().id(), t -> t));
    }

    private static ObjectNode entry(Translation t) {
        assertThat(t).isInstanceOf(Translation.Imported.class);
        return ((Translation.Imported) t).entry();
    }

    @Test
    void theTenSeedJobsBecomeEntriesOfEveryTargetType() throws Exception {
        Map<String, Translation> seed = byId(translate("seed-jobs.json"));

        assertThat(seed).hasSize(10).allSatisfy((id, t) -> assertThat(t).isInstanceOf(Translation.Imported.class));
        ObjectNode ingestion = entry(seed.get("daily-data-ingestion"));
        assertThat(ingestion.path("pubsub").path("existingTopic").asText()).isEqualTo("data-ingestion");
        // Spaced JSON stays text: the program would otherwise send it compacted, which is a change.
        assertThat(ingestion.path("pubsub").path("data").asText()).isEqualTo("{\"source\": \"cqc-api\", \"date\": \"today\"}");
        assertThat(ingestion.path("retry").toString())
                .isEqualTo("{\"count\":0,\"maxRetryDuration\":\"0s\",\"minBackoff\":\"5s\",\"maxBackoff\":\"3600s\",\"maxDoublings\":16}");

        ObjectNode training = entry(seed.get("weekly-model-training"));
        assertThat(training.path("http").path("url").asText()).isEqualTo("https://ml-training-${projectNumber}.${region}.run.app/train");
        assertThat(training.path("http").path("body").toString()).isEqualTo("{\"model\":\"cqc-classifier\",\"version\":\"auto\"}");
        assertThat(training.path("http").path("auth").toString())
                .isEqualTo("{\"type\":\"oidc\",\"audience\":\"https://ml-training-${projectNumber}.${region}.run.app/train\"}");
        assertThat(training.path("http").path("invoker").toString()).isEqualTo("{\"cloudRunService\":\"ml-training\"}");
        assertThat(training.path("http").has("headers")).as("Content-Type of a JSON body and User-Agent are implied").isFalse();
        assertThat(training.path("serviceAccount").asText()).isEqualTo("ml-training");
        assertThat(((Translation.Imported) seed.get("weekly-model-training")).reusedAccount()).contains("ml-training");

        ObjectNode dataflow = entry(seed.get("dataflow-launch"));
        assertThat(dataflow.path("http").path("auth").asText()).isEqualTo("oauth");
        assertThat(dataflow.path("http").path("invoker").toString()).isEqualTo("{\"projectRole\":\"roles/dataflow.developer\"}");
        assertThat(dataflow.path("http").path("url").asText()).isEqualTo("https://dataflow.googleapis.com/v1b3/projects/${project}"
                + "/locations/${region}/templates:launch?gcsPath=gs://${project}-dataflow/templates/cqc-etl");

        assertThat(entry(seed.get("cloudrun-trigger")).path("http").path("invoker").path("cloudRunService").asText())
                .isEqualTo("cqc-processor");
        assertThat(entry(seed.get("cloudrun-trigger")).has("serviceAccount")).as("sch-<id> is the default").isFalse();
        assertThat(entry(seed.get("function-trigger")).path("http").path("invoker").path("function").asText()).isEqualTo("cqc-nightly");
        assertThat(((Translation.Imported) seed.get("function-trigger")).notes())
                .anyMatch(n -> n.contains("100000000003-compute@developer.gserviceaccount.com is not a user-managed account"));
        assertThat(entry(seed.get("monthly-reports")).path("http").path("auth").asText()).isEqualTo("none");

        ObjectNode appEngine = entry(seed.get("weekly-appengine-task"));
        assertThat(appEngine.path("appEngine").toString())
                .isEqualTo("{\"relativeUri\":\"/tasks/weekly\",\"method\":\"GET\",\"routing\":{\"service\":\"worker\",\"version\":\"v1\"}}");
        assertThat(appEngine.path("attemptDeadline").asText()).isEqualTo("180s");
    }

    @Test
    void theOddCasesAreImportedFaithfullyOrExplained() throws Exception {
        Map<String, Translation> odd = byId(translate("odd-jobs.json"));

        assertThat(entry(odd.get("no-retry-job")).path("retry").toString())
                .isEqualTo("{\"count\":0,\"maxRetryDuration\":\"0s\",\"minBackoff\":\"5s\",\"maxBackoff\":\"3600s\",\"maxDoublings\":5}");
        assertThat(((Translation.Imported) odd.get("no-retry-job")).notes()).anyMatch(n -> n.startsWith("it has no retry config"));
        ObjectNode paused = entry(odd.get("paused-job"));
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(paused.path("retry").path("maxRetryDuration").asText()).isEqualTo("1800s");
        assertThat(paused.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(entry(odd.get("legacy-schedule-job")).path("schedule").asText()).isEqualTo("every 24 hours");

        assertThat(skipped(odd, "bearer-job")).singleElement().asString()
                .contains("plain-text header Authorization").doesNotContain("s3cr3t");
        assertThat(skipped(odd, "unknown-field-job")).singleElement().asString().contains("futureFeature");
        assertThat(skipped(odd, "no-target-job")).singleElement().asString().contains("no target this program supports");
        assertThat(skipped(odd, "other-region-job")).singleElement().asString()
                .contains("lives in us-central1 but this stack's jobs of its kind live in europe-west2");
        assertThat(skipped(odd, "foreign-topic-job")).singleElement().asString().contains("topic of project shared-data");
    }

    @Test
    void aJobWithACredentialInItsUrlOrBodyIsNotImportedAndNoReasonShowsIt() throws Exception {
        String key = "AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK";
        String token = "ghp_1234567890abcdefghijABCDEFGHIJ123456";
        String job = """
                {"name": "projects/cqc-ml-prod/locations/europe-west2/jobs/%s", "schedule": "0 7 * * *",
                 "timeZone": "Etc/UTC", "state": "ENABLED", "attemptDeadline": "180s",
                 "httpTarget": {"uri": "%s", "httpMethod": "POST", "body": "%s"}}""";
        String jobs = "[" + job.formatted("keyed-url-job", "https://partner.example.com/hook?key=" + key, "c3luYw==") + ",\n"
                + job.formatted("keyed-body-job", "https://partner.example.com/hook",
                java.util.Base64.getEncoder().encodeToString(("token=" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                + "]";
        StackFile stack = prod();
        StackModel model = new StackLoader(NOW).load(Path.of("."), stack);

        Map<String, Translation> out = byId(new Importer(model.settings(), stack, NOW)
                .translate(CloudJobs.parse(jobs, "jobs.json"), Set.of(), ""));

        assertThat(skipped(out, "keyed-url-job")).singleElement().asString()
                .contains("http.url: the URL's query string looks like a Google API key").contains("(P10)").doesNotContain(key);
        assertThat(skipped(out, "keyed-body-job")).singleElement().asString()
                .contains("http.body: the value looks like a GitHub token").doesNotContain(token);
    }

    private static List<String> skipped(Map<String, Translation> all, String id) {
        assertThat(all.get(id)).isInstanceOf(Translation.Skipped.class);
        return ((Translation.Skipped) all.get(id)).reasons();
    }

    @Test
    void jobsTheCatalogAlreadyHasAreLeftToDrift() throws Exception {
        StackFile stack = prod();
        StackModel model = new StackLoader(NOW).load(Path.of("."), stack);
        List<JsonNode> jobs = CloudJobs.parse(Files.readString(Path.of("src/test/resources/adopt/seed-jobs.json")), "seed");

        List<Translation> result = new Importer(model.settings(), stack, NOW).translate(jobs, Set.of("daily-backup"), "");

        assertThat(result).filteredOn(t -> t.name().endsWith("/daily-backup")).singleElement()
                .isInstanceOf(Translation.Skipped.class)
                .satisfies(t -> assertThat(((Translation.Skipped) t).reasons()).containsExactly(
                        "the catalog already has a pipeline daily-backup; use drift to compare it with the cloud"));
    }

    @Test
    void appendingKeepsEveryExistingLineAndRefusesAnUnsafeLayout() {
        String catalog = "# CQC\ndefaults:\n  timeZone: Etc/UTC\npipelines:\n  a: {schedule: \"0 1 * * *\"}  # keep me\n";

        String appended = CatalogAppender.append(catalog, "  b:\n    schedule: 0 2 * * *\n", "imported");

        assertThat(appended).startsWith(catalog).endsWith("\n  # imported\n  b:\n    schedule: 0 2 * * *\n");
        assertThatThrownBy(() -> CatalogAppender.append("pipelines:\n  a: {}\ndefaults: {}\n", "  b: {}\n", "x"))
                .hasMessageContaining("'pipelines:' is not the last top-level key of the catalog (line 3 starts 'defaults')");
        assertThatThrownBy(() -> CatalogAppender.append("pipelines: {a: {}}\n", "  b: {}\n", "x"))
                .hasMessageContaining("written inline");
    }

    @Test
    void aListingThatIsNotJobsIsRejectedWithItsPlace() {
        assertThatThrownBy(() -> CloudJobs.parse("{\"jobs\": [{\"schedule\": \"0 1 * * *\"}]}", "jobs.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jobs.json[0]: is not a job");
        assertThatThrownBy(() -> CloudJobs.parse("not json", "jobs.json")).hasMessageContaining("jobs.json:1:1: is not JSON");
        assertThat(catchEmpty()).isEmpty();
    }

    private static List<JsonNode> catchEmpty() {
        try {
            return CloudJobs.parse("{}", "empty.json");
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }
}
