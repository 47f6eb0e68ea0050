package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackSettings;

import java.util.Objects;

/** What a {@link ScheduledPipeline} is built from: the validated pipeline and its stack. */
public record ScheduledPipelineArgs(Pipeline pipeline, StackSettings stack) {
    public ScheduledPipelineArgs {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stack, "stack");
    }
}
