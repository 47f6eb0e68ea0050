package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackSettings;

import java.util.Objects;

/** What a {@link ScheduledPipeline} is built from: the validated pipeline, its stack, and the stack's APIs. */
public record ScheduledPipelineArgs(Pipeline pipeline, StackSettings stack, ProjectApis apis) {
    public ScheduledPipelineArgs {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(apis, "apis");
    }
}
