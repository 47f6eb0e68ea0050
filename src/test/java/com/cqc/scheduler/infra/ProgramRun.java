package com.cqc.scheduler.infra;

import com.cqc.scheduler.App;
import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.offline.OfflineEngine;
import com.cqc.scheduler.offline.PlannedResource;
import com.pulumi.test.Mocks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real program (App.run, as under pulumi up) on the mock engine, with a stack file of the repository. */
final class ProgramRun {
    static final Path PROJECT_DIR = Path.of(".");
    static final String JOB = "gcp:cloudscheduler/job:Job";
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
    static final String ACCOUNT = "gcp:serviceaccount/account:Account";
    static final String RUN_MEMBER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
    static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";

    final List<PlannedResource> resources;

    private ProgramRun(List<PlannedResource> resources) {
        this.resources = resources;
    }

    static ProgramRun of(String stack, Mocks provider) {
        StackFile file;
        try {
            file = StackFile.read(PROJECT_DIR, StackLoader.PROJECT, stack);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return new ProgramRun(OfflineEngine.run(stack, ctx -> App.run(ctx, file, PROJECT_DIR), provider));
    }

    Optional<PlannedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    PlannedResource get(String type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static Object at(PlannedResource r, String path) {
        Object v = r.props();
        for (String key : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    static int integer(Object value) {
        return ((Number) value).intValue();
    }
}
