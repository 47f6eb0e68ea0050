package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.YamlReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Cloud Scheduler jobs as the API lists them: what {@code gcloud scheduler jobs list --format=json}
 * prints (a JSON array of jobs) or the REST {@code jobs.list} response ({@code {"jobs": [...]}}).
 * Jobs keep the API's own shape (camelCase fields, base64 bodies, {@code "180s"} durations).
 */
public final class CloudJobs {
    static final ObjectMapper JSON = new ObjectMapper();

    private CloudJobs() {}

    /**
     * The jobs in a listing, or the one job of {@code gcloud scheduler jobs describe --format=json} (a REST
     * {@code jobs.get}); {@code origin} names the file in errors.
     */
    public static List<JsonNode> parse(String text, String origin) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (looksLikeYaml(text)) {
                throw ConfigException.of(origin, "is YAML, gcloud's default output; run gcloud with --format=json"
                        + " (gcloud scheduler jobs list --location=LOCATION --format=json > " + origin + ")");
            }
            throw ConfigException.of(origin + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr()), "is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "; expected what gcloud scheduler jobs list --format=json prints");
        }
        if (root != null && root.isObject() && root.isEmpty()) {
            return List.of();  // jobs.list answers {} when a location has no jobs
        }
        JsonNode jobs = root != null && root.isObject() && root.has("jobs") ? root.get("jobs")
                : root != null && root.isObject() && root.has("name") ? JSON.createArrayNode().add(root) : root;
        if (jobs == null || !jobs.isArray()) {
            throw ConfigException.of(origin, "is neither a list of jobs (gcloud scheduler jobs list --format=json),"
                    + " a jobs.list response ({\"jobs\": [...]}) nor one job (gcloud scheduler jobs describe --format=json)");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode job = jobs.get(i);
            if (!job.isObject() || !job.path("name").isTextual()) {
                throw ConfigException.of(origin + "[" + i + "]", "is not a job: a job has a name"
                        + " projects/PROJECT/locations/LOCATION/jobs/ID");
            }
            out.add(job);
        }
        return out;
    }

    /** gcloud's default format: YAML documents of jobs, each starting with a key such as name: or ---. */
    private static boolean looksLikeYaml(String text) {
        try {
            JsonNode yaml = YamlReader.read(text.replaceAll("(?m)^---\\s*$", ""), "jobs");
            return yaml != null && yaml.isContainerNode();
        } catch (ConfigException e) {
            return text.lines().anyMatch(l -> l.startsWith("name: projects/") || l.equals("---"));
        }
    }
}
