package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.offline.Plan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {
    private static final String P = "projects/cqc-ml-prod/locations/europe-west2/jobs/";

    private static List<JsonNode> prodPlan() throws Exception {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        StackFile stack = StackFile.read(Path.of("."), StackLoader.PROJECT, "prod");
        return ExpectedJobs.of(Plan.of(new StackLoader(now).load(Path.of("."), stack), now, 0));
    }

    @Test
    void theCloudAsTheCodeLeavesItIsNoDriftEvenInTheApisOwnSpelling() throws Exception {
        List<JsonNode> code = prodPlan();
        List<JsonNode> cloud = new ArrayList<>();
        for (JsonNode job : code) {
            ObjectNode live = job.deepCopy();
            live.put("timeZone", live.path("timeZone").asText().equals("Etc/UTC") ? "UTC" : live.path("timeZone").asText());
            live.put("userUpdateTime", "2026-11-28T10:00:00Z");
            if (live.has("httpTarget")) {
                ((ObjectNode) live.get("httpTarget")).putObject("headers").put("User-Agent", "Google-Cloud-Scheduler")
                        .put("Content-Type", "application/json");
            }
            cloud.add(live);
        }

        assertThat(Drift.compare(code, cloud).clean()).isTrue();
    }

    @Test
    void reportsJobsOnlyInOnePlaceAndEachFieldThatDiffers() throws Exception {
        List<JsonNode> code = prodPlan();
        List<JsonNode> cloud = new ArrayList<>();
        for (JsonNode job : code) {
            ObjectNode live = job.deepCopy();
            String name = live.path("name").asText();
            if (name.equals(P + "daily-backup")) {
                continue;
            }
            if (name.equals(P + "monthly-reports")) {
                live.put("schedule", "0 10 1 * *");
                live.put("state", "PAUSED");
                ObjectNode http = (ObjectNode) live.get("httpTarget");
                http.put("body", Base64.getEncoder().encodeToString("{\"type\":\"weekly\"}".getBytes(StandardCharsets.UTF_8)));
                http.remove("oidcToken");
            }
            cloud.add(live);
        }
        cloud.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"name\": \"" + P + "hand-made\", \"schedule\": \"0 1 * * *\", \"pubsubTarget\": {\"topicName\": \"projects/cqc-ml-prod/topics/x\", \"data\": \"eA==\"}}"));

        Drift.Report report = Drift.compare(code, cloud);

        assertThat(report.onlyInCloud()).containsExactly(P + "hand-made");
        assertThat(report.onlyInCode()).containsExactly(P + "daily-backup");
        assertThat(report.differences()).containsOnlyKeys(P + "monthly-reports");
        assertThat(report.differences().get(P + "monthly-reports")).containsExactlyInAnyOrder(
                new Drift.Change("schedule", "0 9 1 * *", "0 10 1 * *"),
                new Drift.Change("state", "ENABLED", "PAUSED"),
                new Drift.Change("httpTarget.body", "{\"recipients\":[\"cqc-ml-team@cqc.example\"],\"type\":\"monthly\"}", "{\"type\":\"weekly\"}"),
                new Drift.Change("httpTarget.token", "oidc sch-monthly-reports@cqc-ml-prod.iam.gserviceaccount.com audience"
                        + " https://reports-100000000003.europe-west2.run.app", "none"));
    }
}
