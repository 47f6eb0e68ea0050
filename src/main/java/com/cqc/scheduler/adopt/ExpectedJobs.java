package com.cqc.scheduler.adopt;

import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The jobs a plan would leave in the cloud, in the shape {@code jobs.list} returns them. */
public final class ExpectedJobs {
    private ExpectedJobs() {}

    public static List<JsonNode> of(Plan plan) {
        return plan.resources().stream().filter(r -> r.type().equals(ResourceTypes.JOB)).map(ExpectedJobs::job).toList();
    }

    private static JsonNode job(PlannedResource r) {
        Map<String, Object> p = r.props();
        ObjectNode job = CloudJobs.JSON.createObjectNode();
        job.put("name", "projects/" + p.get("project") + "/locations/" + p.get("region") + "/jobs/" + p.get("name"));
        if (p.get("description") != null) {
            job.put("description", String.valueOf(p.get("description")));
        }
        job.put("schedule", String.valueOf(p.get("schedule")));
        job.put("timeZone", String.valueOf(p.get("timeZone")));
        job.put("state", Boolean.TRUE.equals(p.get("paused")) ? "PAUSED" : "ENABLED");
        job.set("retryConfig", whole(CloudJobs.JSON.valueToTree(p.get("retryConfig"))));
        if (p.get("attemptDeadline") != null) {
            job.put("attemptDeadline", String.valueOf(p.get("attemptDeadline")));
        }
        for (Target.Kind kind : Target.Kind.values()) {
            if (p.get(kind.apiField()) != null) {
                job.set(kind.apiField(), CloudJobs.JSON.valueToTree(p.get(kind.apiField())));
            }
        }
        return job;
    }

    /** Numbers come back from the engine as doubles; the API writes whole numbers. */
    private static JsonNode whole(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber() && e.getValue().asDouble() == Math.rint(e.getValue().asDouble())) {
                    e.setValue(CloudJobs.JSON.getNodeFactory().numberNode(e.getValue().asLong()));
                }
            }
        }
        return node;
    }
}
