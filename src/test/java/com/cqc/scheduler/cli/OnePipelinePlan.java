package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.config.Stacks;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;

/** The plan of a stack with one pipeline {@code p}: a target of the given kind with a body or message. */
final class OnePipelinePlan {
    private OnePipelinePlan() {}

    /** {@code payload} is the body or data as the catalog writes it (plain text or a YAML map). */
    static Plan of(Target.Kind kind, String payload) {
        String target = switch (kind) {
            case HTTP -> "http: {url: \"https://svc.example.com/run\", method: POST, auth: none, invoker: none, body: "
                    + payload + "}";
            case APP_ENGINE -> "appEngine: {relativeUri: /run, method: POST, body: " + payload + "}";
            case PUBSUB -> "pubsub: {topic: t-1, data: " + payload + "}";
        };
        String catalog = "pipelines:\n  p:\n    schedule: \"0 3 * * *\"\n    " + target + "\n";
        try {
            return Plan.of(new StackLoader(Stacks.NOW).load(catalog, "pipelines.yaml", Stacks.stack("")), Stacks.NOW, 1);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
