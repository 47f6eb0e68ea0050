package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;

import java.util.Map;
import java.util.Optional;

/** A job is at most 1 MB less 1 KB of what its target sends (R9.4). */
final class JobSize {
    private static final int MAX_JOB_BYTES = 1024 * 1024 - 1024;

    private JobSize() {}

    static void check(ConfigNode n, Target target, Problems problems) {
        int bytes = target.match(
                http -> http.uri().length() + bytes(http.body()) + size(http.headers()),
                pubsub -> bytes(pubsub.data()) + size(pubsub.attributes()),
                appEngine -> appEngine.relativeUri().length() + bytes(appEngine.body()) + size(appEngine.headers()));
        if (bytes > MAX_JOB_BYTES) {
            problems.error(n.path(), "the job takes " + bytes + " bytes; a job is at most 1 MB", "R9.4");
        }
    }

    private static int bytes(Optional<Payload> payload) {
        return payload.map(Payload::sizeBytes).orElse(0);
    }

    private static int size(Map<String, String> map) {
        return map.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }
}
