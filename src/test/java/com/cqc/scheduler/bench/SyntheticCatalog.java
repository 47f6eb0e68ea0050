package com.cqc.scheduler.bench;

/**
 * Catalogs of any size for benchmarks: pipeline i takes the shape of CQC pipeline {@code i % 10}
 * (Pub/Sub, Cloud Run OIDC, Dataflow OAuth, App Engine), with its own id, topic and invoker.
 */
public final class SyntheticCatalog {
    public static final String STACK = """
            config:
              gcp:project: cqc-ml-bench
              gcp:region: europe-west2
              cqc-scheduler:environment: bench
              cqc-scheduler:projectNumber: "100000000009"
              cqc-scheduler:appEngineRegion: europe-west2
            """;

    private SyntheticCatalog() {}

    /** Kind of pipeline {@code i}: 0 Pub/Sub, 1 Cloud Run with OIDC, 2 Dataflow with OAuth, 3 App Engine. */
    static int kind(int i) {
        return switch (i % 10) {
            case 0, 3, 5 -> 0;
            case 1, 2, 4, 7, 8 -> 1;
            case 6 -> 2;
            default -> 3;
        };
    }

    public static String yaml(int size) {
        StringBuilder out = new StringBuilder("defaults:\n  retry: {count: 3, minBackoff: 30s, maxBackoff: 1h}\npipelines:\n");
        for (int i = 0; i < size; i++) {
            String id = "pipeline-" + i;
            out.append("  ").append(id).append(":\n");
            out.append("    description: Synthetic pipeline ").append(i).append(".\n");
            out.append("    schedule: \"").append(i % 60).append(' ').append(i % 24).append(" * * *\"\n");
            switch (kind(i)) {
                case 0 -> out.append("    pubsub: {topic: topic-").append(i).append(", data: {source: cqc-api, n: ").append(i).append("}}\n");
                case 1 -> out.append("    timeZone: Europe/London\n    attemptDeadline: 10m\n    http:\n")
                        .append("      url: https://svc-").append(i).append("-${projectNumber}.${region}.run.app/run\n")
                        .append("      body: {model: cqc-classifier, n: ").append(i).append("}\n")
                        .append("      auth: oidc\n      invoker: {cloudRunService: svc-").append(i).append("}\n");
                case 2 -> out.append("    http:\n      url: https://dataflow.googleapis.com/v1b3/projects/${project}/locations/${region}/templates:launch\n")
                        .append("      body: {jobName: etl-").append(i).append("}\n      auth: oauth\n")
                        .append("      invoker: {projectRole: roles/dataflow.developer}\n");
                default -> out.append("    appEngine: {relativeUri: /tasks/").append(i).append(", method: GET, routing: {service: worker}}\n");
            }
        }
        return out.toString();
    }
}
