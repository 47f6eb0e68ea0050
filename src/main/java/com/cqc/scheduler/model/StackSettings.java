package com.cqc.scheduler.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What one stack says about its environment.
 *
 * @param stack            Pulumi stack name (dev, staging, prod)
 * @param environment      the environment label put on resources
 * @param project          gcp:project
 * @param projectNumber    the project's number: names the Cloud Scheduler service agent (R10.1) and
 *                         Cloud Run URLs without a lookup, so the offline plan knows them too
 * @param region           gcp:region, where jobs live
 * @param appEngineRegion  the App Engine app's Cloud Scheduler location (R1.7)
 * @param protectStateful  protect topics and service accounts from deletion
 * @param topicRetention   message retention of managed topics
 * @param alerting         failure alerting of the stack's jobs
 */
public record StackSettings(String stack, String environment, String project, String projectNumber, String region,
                            String appEngineRegion, boolean protectStateful, Duration topicRetention,
                            Alerting alerting) {
    public StackSettings {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(projectNumber, "projectNumber");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(appEngineRegion, "appEngineRegion");
        Objects.requireNonNull(topicRetention, "topicRetention");
        Objects.requireNonNull(alerting, "alerting");
    }

    /** The Cloud Scheduler service agent, which publishes to Pub/Sub targets (R10.1). */
    public String schedulerServiceAgent() {
        return "service-" + projectNumber + "@gcp-sa-cloudscheduler.iam.gserviceaccount.com";
    }
}
