package com.cqc.scheduler.config;

import com.cqc.scheduler.model.StackSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pipeline's labels: the defaults', the pipeline's own over them key by key, and the three the program
 * always sets ({@code environment}, {@code pipeline}, {@code managed-by}) over both.
 */
final class Labels {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final Pattern VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    private Labels() {}

    /** The labels of a pipeline; the defaults' were checked once ({@link #checkDefaults}) and kept where sound. */
    static Map<String, String> read(String id, ConfigNode n, ConfigNode defaults, StackSettings settings,
                                    Problems problems) {
        Map<String, String> labels = new LinkedHashMap<>(defaults.stringMap("labels"));
        labels.putAll(n.stringMap("labels"));
        labels.put("environment", settings.environment());
        labels.put("pipeline", id.toLowerCase(Locale.ROOT));
        labels.put("managed-by", "pulumi");
        Map<String, String> checked = new LinkedHashMap<>(labels);
        checked.remove("environment");   // the stack's setting: one error there, not one per pipeline
        check(n, checked, problems);
        return labels;
    }

    /** The labels of the defaults, checked once where they are written. */
    static void checkDefaults(ConfigNode defaults, Problems problems) {
        check(defaults, defaults.stringMap("labels"), problems);
    }

    private static void check(ConfigNode owner, Map<String, String> labels, Problems problems) {
        labels.forEach((key, value) -> {
            // A value shaped like a credential is that error (P10, PlainTextCredentials), not also a bad label.
            if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches() && !Secrets.isKnownCredential(value)) {
                problems.error(owner.path("labels") + "." + key, "'" + key + ": " + value + "' is not a label: keys"
                        + " start with a lowercase letter, keys and values take lowercase letters, digits, _ and -, at"
                        + " most 63 characters", null);
            }
        });
    }
}
