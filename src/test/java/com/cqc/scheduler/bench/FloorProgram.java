package com.cqc.scheduler.bench;

import com.pulumi.Context;
import com.pulumi.gcp.cloudrunv2.ServiceIamMember;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.cloudscheduler.Job;
import com.pulumi.gcp.cloudscheduler.JobArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobAppEngineHttpTargetAppEngineRoutingArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobAppEngineHttpTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetOauthTokenArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetOidcTokenArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobPubsubTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobRetryConfigArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The floor: the same cloud resources as the program registers for a {@link SyntheticCatalog}, written
 * directly with literal values: no catalog, no validation, no components, no options beyond the SDK's.
 */
final class FloorProgram {
    private static final String PROJECT = "cqc-ml-bench";
    private static final String REGION = "europe-west2";

    private FloorProgram() {}

    static void define(Context ctx, int size) {
        for (String api : new String[] {"cloudscheduler", "pubsub", "iam", "monitoring", "logging"}) {
            new Service("api-" + api, ServiceArgs.builder().project(PROJECT).service(api + ".googleapis.com")
                    .disableOnDestroy(false).disableDependentServices(false).build());
        }
        for (int i = 0; i < size; i++) {
            String id = "pipeline-" + i;
            JobArgs.Builder job = JobArgs.builder().project(PROJECT).region(REGION).name(id)
                    .description("Synthetic pipeline " + i + ".")
                    .schedule((i % 60) + " " + (i % 24) + " * * *").paused(false)
                    .retryConfig(JobRetryConfigArgs.builder().retryCount(3).maxRetryDuration("0s")
                            .minBackoffDuration("30s").maxBackoffDuration("3600s").maxDoublings(5).build());
            String email = "sch-" + id + "@" + PROJECT + ".iam.gserviceaccount.com";
            switch (SyntheticCatalog.kind(i)) {
                case 0 -> {
                    Topic topic = new Topic(id + "-topic", TopicArgs.builder().project(PROJECT).name("topic-" + i)
                            .labels(Map.of("environment", "bench", "pipeline", id, "managed-by", "pulumi"))
                            .messageRetentionDuration("604800s").build());
                    new TopicIAMMember(id + "-publisher", TopicIAMMemberArgs.builder().project(PROJECT).topic(topic.id())
                            .role("roles/pubsub.publisher")
                            .member("serviceAccount:service-100000000009@gcp-sa-cloudscheduler.iam.gserviceaccount.com").build());
                    job.timeZone("Etc/UTC").pubsubTarget(JobPubsubTargetArgs.builder().topicName(topic.id())
                            .data(base64("{\"source\":\"cqc-api\",\"n\":" + i + "}")).build());
                }
                case 1 -> {
                    account(id);
                    new ServiceIamMember(id + "-run-invoker", ServiceIamMemberArgs.builder().project(PROJECT)
                            .location(REGION).name("svc-" + i).role("roles/run.invoker").member("serviceAccount:" + email).build());
                    String base = "https://svc-" + i + "-100000000009.europe-west2.run.app";
                    job.timeZone("Europe/London").attemptDeadline("600s").httpTarget(JobHttpTargetArgs.builder()
                            .uri(base + "/run").httpMethod("POST")
                            .body(base64("{\"model\":\"cqc-classifier\",\"n\":" + i + "}"))
                            .headers(Map.of("Content-Type", "application/json"))
                            .oidcToken(JobHttpTargetOidcTokenArgs.builder().serviceAccountEmail(email).audience(base).build())
                            .build());
                }
                case 2 -> {
                    account(id);
                    new IAMMember(id + "-project-invoker", IAMMemberArgs.builder().project(PROJECT)
                            .role("roles/dataflow.developer").member("serviceAccount:" + email).build());
                    job.timeZone("Etc/UTC").attemptDeadline("180s").httpTarget(JobHttpTargetArgs.builder()
                            .uri("https://dataflow.googleapis.com/v1b3/projects/" + PROJECT + "/locations/" + REGION
                                    + "/templates:launch").httpMethod("POST")
                            .body(base64("{\"jobName\":\"etl-" + i + "\"}"))
                            .headers(Map.of("Content-Type", "application/json"))
                            .oauthToken(JobHttpTargetOauthTokenArgs.builder().serviceAccountEmail(email)
                                    .scope("https://www.googleapis.com/auth/cloud-platform").build())
                            .build());
                }
                default -> job.timeZone("Etc/UTC").attemptDeadline("180s").appEngineHttpTarget(
                        JobAppEngineHttpTargetArgs.builder().relativeUri("/tasks/" + i).httpMethod("GET")
                                .appEngineRouting(JobAppEngineHttpTargetAppEngineRoutingArgs.builder().service("worker").build())
                                .build());
            }
            new Job(id + "-job", job.build());
        }
    }

    private static void account(String id) {
        new Account(id + "-invoker", AccountArgs.builder().project(PROJECT).accountId("sch-" + id)
                .displayName("Cloud Scheduler invoker: " + id).build());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
