package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackSettings;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ScheduledPipeline} is built from: the validated pipeline, its stack, and what every
 * child must wait for (the project's APIs).
 */
public record ScheduledPipelineArgs(Pipeline pipeline, StackSettings stack, List<Resource> dependsOn) {
    public ScheduledPipelineArgs {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stack, "stack");
        dependsOn = List.copyOf(dependsOn);
    }
}
