package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code import} and {@code drift} accept as the cloud's jobs, and what they say about the rest. */
class AdoptionInputTest {
    private static final String JOB = "{\"name\": \"projects/p/locations/europe-west2/jobs/%s\", \"schedule\": \"0 2 * * *\","
            + " \"pubsubTarget\": {\"topicName\": \"projects/p/topics/t\", \"data\": \"e30=\"}%s}";

    private static String job(String id, String extra) {
        return JOB.formatted(id, extra);
    }

    private static List<String> names(String text) throws ConfigException {
        return CloudJobs.parse(text, "jobs.json").stream().map(j -> j.get("name").asText()).toList();
    }

    private static Problem problem(String text) {
        try {
            CloudJobs.parse(text, "jobs.json");
        } catch (ConfigException e) {
            return e.problems().get(0);
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void aListAJobsListResponseAndOneJobAreAllRead() throws ConfigException {
        assertThat(names("[" + job("a", "") + ", " + job("b", "") + "]")).containsExactly(
                "projects/p/locations/europe-west2/jobs/a", "projects/p/locations/europe-west2/jobs/b");
        assertThat(names("{\"jobs\": [" + job("c", "") + "]}")).containsExactly("projects/p/locations/europe-west2/jobs/c");
        assertThat(names(job("d", ""))).containsExactly("projects/p/locations/europe-west2/jobs/d");
        assertThat(names("{}")).isEmpty();   // jobs.list of a location without jobs
    }

    @Test
    void somethingElseSaysWhatWasExpectedAndWhere() {
        assertThat(problem("\"a string\"").message()).contains("is neither a list of jobs");
        assertThat(problem("{\"jobs\": {\"name\": \"x\"}}").message()).contains("is neither a list of jobs");
        assertThat(problem("[" + job("a", "") + ", {\"schedule\": \"0 2 * * *\"}]").path()).isEqualTo("jobs.json[1]");
        assertThat(problem("[42]").path()).isEqualTo("jobs.json[0]");
    }

    @Test
    void gcloudsYamlOutputAsksForJsonAndBrokenJsonSaysWhereItBroke() {
        String yaml = "---\nname: projects/p/locations/europe-west2/jobs/a\nschedule: 0 2 * * *\n---\nname: projects/p/locations/europe-west2/jobs/b\n";
        assertThat(problem(yaml).message()).contains("run gcloud with --format=json");
        // YAML that does not even parse is still recognised by gcloud's "name: projects/..." lines.
        assertThat(problem("name: projects/p/locations/l/jobs/a\n  bad: [\n").message()).contains("--format=json");
        Problem broken = problem("[{\"name\": \"projects/p/locations/l/jobs/a\",, }]");
        assertThat(broken.message()).contains("is not JSON");
        assertThat(broken.path()).startsWith("jobs.json:1:");
    }

    @Test
    void driftComparesRealValuesAndShowsCredentialsMasked() throws ConfigException {
        JsonNode code = CloudJobs.parse(job("a", ", \"description\": \"x\""), "code").get(0);
        String token = "Bearer ya29.a0AfH6SMBx3kQZ9vTq1nL8cR2wE5yU7iO0pA4sD6fG8hJ1kL3zX5cV7bN9mQ2wE4rT6y";
        JsonNode cloud = CloudJobs.parse(JOB.formatted("a", ", \"description\": \"" + token + "\""), "cloud").get(0);

        List<Drift.Change> changes = Drift.compare(List.of(code), List.of(cloud)).differences().get("projects/p/locations/europe-west2/jobs/a");

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("description");
            assertThat(c.code()).isEqualTo("x");
            assertThat(c.cloud()).doesNotContain("ya29").contains("[masked]");
        });
    }

    @Test
    void headersTheServiceSetsAreNotDriftButTheUsersAreComparedWhateverTheirCase() throws ConfigException {
        String http = "{\"name\": \"projects/p/locations/europe-west2/jobs/h\", \"schedule\": \"0 2 * * *\","
                + " \"httpTarget\": {\"uri\": \"https://x.example/\", \"headers\": {%s}}}";
        JsonNode code = CloudJobs.parse(http.formatted("\"X-Env\": \"dev\""), "code").get(0);
        JsonNode sameWithAgent = CloudJobs.parse(http.formatted("\"x-env\": \"dev\", \"User-Agent\": \"Google-Cloud-Scheduler\""), "cloud").get(0);
        JsonNode changed = CloudJobs.parse(http.formatted("\"X-Env\": \"prod\""), "cloud").get(0);

        assertThat(Drift.compare(List.of(code), List.of(sameWithAgent)).clean()).isTrue();
        assertThat(Drift.compare(List.of(code), List.of(changed)).differences()).isNotEmpty();
    }
}
