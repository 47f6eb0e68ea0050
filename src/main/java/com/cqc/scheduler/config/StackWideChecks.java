package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What holds across the pipelines of a stack: each invoker account and each created topic has one owner
 * (R11.1, R7.2), and no region holds more jobs than Cloud Scheduler takes (R9.6).
 */
final class StackWideChecks {
    /**
     * Jobs per region (R9.6): Google's "Quotas and limits" page gives "Number of jobs (per region) Default:
     * 1000 Max: 5000". More than the maximum is refused by the API, so it is an error; nearing the default
     * quota is a warning.
     */
    static final String QUOTAS_PAGE = "https://cloud.google.com/scheduler/quotas";
    static final int JOBS_PER_REGION_MAX = 5000;
    static final int JOBS_PER_REGION_WARNING = 900;

    private StackWideChecks() {}

    static void check(List<Pipeline> pipelines, Problems problems) {
        checkUnique(pipelines, problems);
        checkJobsPerRegion(pipelines, problems);
    }

    private static void checkUnique(List<Pipeline> pipelines, Problems problems) {
        Map<String, String> accounts = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        for (Pipeline p : pipelines) {
            p.serviceAccountId().ifPresent(sa -> {
                String other = accounts.putIfAbsent(sa, p.id());
                if (other != null) {
                    problems.error("pipelines." + p.id() + ".serviceAccount", "'" + sa + "' is already the invoker of "
                            + other + "; each pipeline has its own service account", "R11.1");
                }
            });
            createdTopic(p).ifPresent(topic -> {
                String other = topics.putIfAbsent(topic, p.id());
                if (other != null) {
                    problems.error("pipelines." + p.id() + "." + Target.Kind.PUBSUB.catalogKey() + ".topic", "'" + topic + "' is already created by "
                            + other + "; use existingTopic to publish to it", "R7.2");
                }
            });
        }
    }

    /** The topic the pipeline creates, if it creates one. */
    private static Optional<String> createdTopic(Pipeline p) {
        return p.target().match(http -> Optional.empty(),
                pubsub -> pubsub.managedTopic() ? Optional.of(pubsub.topic()) : Optional.empty(),
                appEngine -> Optional.empty());
    }

    private static void checkJobsPerRegion(List<Pipeline> pipelines, Problems problems) {
        Map<String, Long> perRegion = new TreeMap<>();
        pipelines.forEach(p -> perRegion.merge(p.region(), 1L, Long::sum));
        perRegion.forEach((region, jobs) -> {
            if (jobs > JOBS_PER_REGION_MAX) {
                problems.error("pipelines", jobs + " jobs in " + region + "; Cloud Scheduler takes at most "
                        + JOBS_PER_REGION_MAX + " per region, even with a raised quota (" + QUOTAS_PAGE + ");"
                        + " move jobs to another region or project", "R9.6");
            } else if (jobs >= JOBS_PER_REGION_WARNING) {
                problems.warning("pipelines", jobs + " jobs in " + region + "; the default quota is 1000 jobs per"
                        + " region (" + QUOTAS_PAGE + "), raise it (up to " + JOBS_PER_REGION_MAX + ") before you"
                        + " reach it", "R9.6");
            }
        });
    }
}
