package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;


/**
 * The Pulumi program: the project's APIs, every pipeline of a validated stack, and the stack's failure
 * alerting. It takes the model, not the config, so {@code pulumi up}, the offline plan and the tests run
 * exactly this code on the same model.
 */
public final class CqcScheduler {
    private CqcScheduler() {}

    public static void define(Context ctx, StackModel model, SecretSource secrets) {
        ProjectApis apis = ProjectApis.enable(model.settings());
        for (Pipeline pipeline : model.pipelines()) {
            new ScheduledPipeline(pipeline.id(),
                    new ScheduledPipelineArgs(pipeline, model.settings(), apis), ComponentResourceOptions.Empty);
            // One stack output per pipeline. Its values are fixed by the model: exporting them as plain
            // values spares the engine an Output chain per pipeline (see BENCHMARKS.md).
            ctx.export(pipeline.id(), ScheduledPipeline.exports(pipeline, model.settings()));
        }
        if (model.settings().alerting().enabled()) {
            new FailureAlerting("failure-alerting", model.settings(), secrets, apis, ComponentResourceOptions.Empty);
        }
    }
}
