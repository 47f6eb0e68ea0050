package com.cqc.scheduler.infra;

import java.util.List;
import java.util.Map;

/**
 * What a reviewer expects each stack to register, written out by hand from pipelines.yaml and the
 * stack files (not computed by the code under test), so the program tests can fail.
 */
final class Expected {
    record Job(String id, String cron, String zone, String target, String auth, String deadline, String endpoint,
               String invokerRole, String grantOn) {}

    static final List<Job> JOBS = List.of(
            new Job("daily-data-ingestion", "0 2 * * *", "Etc/UTC", "pubsub", "none", null, "data-ingestion", null, null),
            new Job("weekly-model-training", "0 0 * * 0", "Etc/UTC", "http", "oidc", "1800s",
                    "https://ml-training-%N.europe-west2.run.app/train", "roles/run.invoker", "ml-training"),
            new Job("monthly-reports", "0 9 1 * *", "Europe/London", "http", "oidc", "600s",
                    "https://reports-%N.europe-west2.run.app/generate", "roles/run.invoker", "reports"),
            new Job("data-quality-check", "0 * * * *", "Etc/UTC", "pubsub", "none", null, "data-quality", null, null),
            new Job("daily-backup", "0 3 * * *", "Etc/UTC", "http", "oidc", "1800s",
                    "https://backup-%N.europe-west2.run.app/backup", "roles/run.invoker", "backup"),
            new Job("bigquery-etl", "0 1 * * *", "Etc/UTC", "pubsub", "none", null, "bigquery-etl-trigger", null, null),
            // H(10-50) resolves to minute 34 for this id: 10 + sha256("dataflow-launch/minute")[:7] % 41.
            new Job("dataflow-launch", "34 3 * * *", "Etc/UTC", "http", "oauth", "180s",
                    "https://dataflow.googleapis.com/v1b3/projects/%P/locations/europe-west2/templates:launch?gcsPath=gs://cqc-ml-%S-dataflow/templates/cqc-etl",
                    "roles/dataflow.developer", "%P"),
            new Job("function-trigger", "0 0 * * *", "Etc/UTC", "http", "oidc", "180s",
                    "https://europe-west2-%P.cloudfunctions.net/cqc-nightly", "roles/run.invoker", "cqc-nightly"),
            new Job("cloudrun-trigger", "0 */4 * * *", "Etc/UTC", "http", "oidc", "180s",
                    "https://cqc-processor-%N.europe-west2.run.app/endpoint", "roles/run.invoker", "cqc-processor"),
            new Job("weekly-appengine-task", "0 0 * * 0", "Europe/London", "appengine", "none", "180s", "/tasks/weekly", null, null));

    /** Retry counts per stack: catalog defaults 3, dev defaults 1, and the per-pipeline overrides. */
    static final Map<String, Map<String, Integer>> RETRIES = Map.of(
            "dev", Map.of("data-quality-check", 1, "daily-backup", 1),
            "staging", Map.of("data-quality-check", 1, "daily-backup", 5),
            "prod", Map.of("data-quality-check", 1, "daily-backup", 5, "daily-data-ingestion", 5, "bigquery-etl", 5));

    static final Map<String, Integer> DEFAULT_RETRY = Map.of("dev", 1, "staging", 3, "prod", 3);

    /** dev pauses the costly jobs; staging and prod run everything. */
    static final Map<String, List<String>> PAUSED = Map.of(
            "dev", List.of("weekly-model-training", "dataflow-launch", "daily-backup"),
            "staging", List.of(),
            "prod", List.of());

    static final Map<String, String> PROJECT_NUMBER = Map.of("dev", "100000000001", "staging", "100000000002",
            "prod", "100000000003");

    static int retryCount(String stack, String id) {
        return RETRIES.get(stack).getOrDefault(id, DEFAULT_RETRY.get(stack));
    }

    static String project(String stack) {
        return "cqc-ml-" + stack;
    }

    static String fill(String template, String stack) {
        return template.replace("%N", PROJECT_NUMBER.get(stack)).replace("%P", project(stack)).replace("%S", stack);
    }

    private Expected() {}
}
