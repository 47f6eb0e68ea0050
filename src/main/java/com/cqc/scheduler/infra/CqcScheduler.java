package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pulumi program: the project's APIs, every pipeline of a validated stack, and the stack's failure
 * alerting. It takes the model, not the config, so {@code pulumi up}, the offline plan and the tests run
 * exactly this code on the same model.
 */
public final class CqcScheduler {
    public static final String PROJECT = StackLoader.PROJECT;

    private CqcScheduler() {}

    public static List<ScheduledPipeline> define(Context ctx, StackModel model, SecretSource secrets) {
        List<Resource> apis = ProjectApis.enable(model.settings());
        List<ScheduledPipeline> components = new ArrayList<>();
        for (Pipeline pipeline : model.pipelines()) {
            ScheduledPipeline component = new ScheduledPipeline(pipeline.id(),
                    new ScheduledPipelineArgs(pipeline, model.settings(), apis), ComponentResourceOptions.Empty);
            components.add(component);
            ctx.export(pipeline.id(), exported(component.outputs()));
        }
        if (model.settings().alerting().enabled()) {
            new FailureAlerting("failure-alerting", model.settings(), secrets,
                    ComponentResourceOptions.builder().dependsOn(apis).build());
        }
        return components;
    }

    /** One stack output per pipeline: a map of its outputs that have a value. */
    private static Output<Map<String, String>> exported(Map<String, Output<?>> outputs) {
        List<String> keys = List.copyOf(outputs.keySet());
        List<Output<Object>> values = outputs.values().stream().map(o -> o.applyValue(v -> (Object) v)).toList();
        return Output.all(values).applyValue(list -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (list.get(i) != null) {
                    out.put(keys.get(i), list.get(i).toString());
                }
            }
            return out;
        });
    }
}
