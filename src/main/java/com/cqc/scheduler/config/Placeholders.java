package com.cqc.scheduler.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders in catalog strings, filled from the stack, so one catalog entry serves
 * every environment: {@code https://ml-training-${projectNumber}.${region}.run.app/train}.
 */
final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([^}]*)}");
    private final Map<String, String> values;

    Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    String expand(String text, String path, Problems problems) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                problems.error(path, "unknown placeholder '${" + m.group(1) + "}'"
                        + Suggest.nearest(m.group(1), values.keySet()).map(k -> " (did you mean '${" + k + "}'?)").orElse("")
                        + "; known: "
                        + String.join(", ", values.keySet().stream().sorted().map(k -> "${" + k + "}").toList()), null);
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
