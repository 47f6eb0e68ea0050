package com.cqc.scheduler.cli;

import java.util.Map;
import java.util.Set;

/**
 * The input fields whose change makes the gcp provider (7.0.0, from the Terraform google provider's
 * ForceNew / immutable fields) replace a resource instead of updating it in place. IAM member
 * resources have no update at all: every field forces a new one.
 */
final class ReplaceRules {
    /** Marks a type whose every input forces replacement. */
    private static final Set<String> EVERY_FIELD = Set.of("*");

    private static final Map<String, Set<String>> FORCE_NEW = Map.of(
            "gcp:cloudscheduler/job:Job", Set.of("name", "region", "project"),
            "gcp:pubsub/topic:Topic", Set.of("name", "project"),
            "gcp:serviceaccount/account:Account", Set.of("accountId", "project"),
            "gcp:projects/service:Service", Set.of("service", "project"),
            "gcp:logging/metric:Metric", Set.of("project"),
            "gcp:monitoring/notificationChannel:NotificationChannel", Set.of("project"),
            "gcp:monitoring/alertPolicy:AlertPolicy", Set.of("project"),
            "gcp:pubsub/topicIAMMember:TopicIAMMember", EVERY_FIELD,
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", EVERY_FIELD,
            "gcp:projects/iAMMember:IAMMember", EVERY_FIELD);

    private ReplaceRules() {}

    /** Whether changing the top-level input {@code field} of a resource of {@code type} replaces it. */
    static boolean forcesReplacement(String type, String field) {
        Set<String> fields = FORCE_NEW.getOrDefault(type, Set.of());
        return fields == EVERY_FIELD || fields.contains(field);
    }
}
