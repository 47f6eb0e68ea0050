package com.cqc.scheduler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The defaults of a stack, read once before any pipeline (the rule is in {@link CatalogMerge}): every check that
 * does not depend on the pipeline runs here, at {@code defaults.PATH}, and a default with an error is then left
 * out, so no pipeline it reaches reports it again.
 */
final class DefaultsReader {
    static final List<String> KEYS = List.of("timeZone", "retry", "attemptDeadline", "labels");

    private DefaultsReader() {}

    /** The merged defaults, checked, without what failed. */
    static ConfigNode read(ObjectNode merged, Problems problems) {
        ConfigNode defaults = new ConfigNode(merged, "defaults", problems);
        defaults.allowOnly(KEYS);
        if (RetryReader.check(defaults)) {
            RetryReader.checkDefaults(defaults, problems);
        }
        ScheduleReader.zone(defaults, problems);
        defaults.duration("attemptDeadline").ifPresent(d -> TargetReader.checkForEveryTarget(defaults, d, problems));
        Labels.checkDefaults(defaults, problems);
        PlainTextCredentials.check(defaults, problems);
        leaveOutWhatFailed(merged, defaults.path(), problems);
        return defaults;
    }

    /** Removes each value with an error at its path, at any depth. */
    private static void leaveOutWhatFailed(ObjectNode node, String path, Problems problems) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            String at = path + "." + key;
            JsonNode value = node.get(key);
            if (problems.hasErrorAt(at)) {
                node.remove(key);
            } else if (value.isObject()) {
                leaveOutWhatFailed((ObjectNode) value, at, problems);
            }
        }
    }
}
