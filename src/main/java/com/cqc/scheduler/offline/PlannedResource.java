package com.cqc.scheduler.offline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as {@code pulumi preview} would register it: type token, name, parent, the inputs with
 * the provider's property names, the options a policy pack sees, and what only the cloud will know.
 */
public record PlannedResource(String urn, String type, String name, boolean custom, String parentUrn,
                              String pipeline, Map<String, Object> props, Options options, List<String> afterApply) {
    public PlannedResource {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
        Objects.requireNonNull(options, "options");
        afterApply = List.copyOf(afterApply);
    }

    /** The resource options that matter for review and policy. */
    public record Options(boolean protect, boolean retainOnDelete, boolean deleteBeforeReplace,
                          List<String> dependsOn, List<String> aliases, List<String> ignoreChanges) {
        public Options {
            dependsOn = List.copyOf(dependsOn);
            aliases = List.copyOf(aliases);
            ignoreChanges = List.copyOf(ignoreChanges);
        }
    }
}
