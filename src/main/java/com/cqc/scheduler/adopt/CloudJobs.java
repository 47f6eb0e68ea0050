package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
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

    /** The jobs in a listing; {@code origin} names the file in errors. */
    public static List<JsonNode> parse(String text, String origin) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ConfigException.of(origin, "is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        JsonNode jobs = root != null && root.isObject() && root.has("jobs") ? root.get("jobs") : root;
        if (root != null && root.isObject() && root.isEmpty()) {
            return List.of();  // jobs.list answers {} when a location has no jobs
        }
        if (jobs == null || !jobs.isArray()) {
            throw ConfigException.of(origin, "is neither a list of jobs (gcloud scheduler jobs list --format=json)"
                    + " nor a jobs.list response ({\"jobs\": [...]})");
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
}
