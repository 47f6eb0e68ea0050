package com.cqc.scheduler.model;

import java.util.List;
import java.util.Objects;

/** A stack after loading and validation: its settings, its pipelines and the warnings found on the way. */
public record StackModel(StackSettings settings, List<Pipeline> pipelines, List<Problem> warnings) {
    public StackModel {
        Objects.requireNonNull(settings, "settings");
        pipelines = List.copyOf(pipelines);
        warnings = List.copyOf(warnings);
    }
}
