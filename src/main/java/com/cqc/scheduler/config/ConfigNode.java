package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Payload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A map in the configuration, read field by field with its path. Every read that finds a bad value
 * records a problem (path, value, what is allowed) and returns empty, so one load reports all errors.
 * What it finds (a wrong type, an unknown key) is an error of the text alone, whatever stack reads it
 * ({@link Problems#textError}).
 */
final class ConfigNode {
    /**
     * Every key whose value is a map (or, for auth and invoker, a word or a map), with what it expects: the one
     * error for anything else there quotes it. A map-valued key is read with {@link #object}, never merged or
     * iterated unchecked, so no other value there is silently taken for an empty map.
     */
    static final Map<String, String> EXPECTED_MAPS = Map.ofEntries(
            Map.entry("defaults", "a map such as {timeZone: Etc/UTC, retry: {count: 3}}"),
            Map.entry("pipelines", "a map of pipeline id to settings, such as {daily-backup: {paused: true}}"),
            Map.entry("alerting", "a map such as {emails: [ml-alerts@example.com]}"),
            Map.entry("retry", "a map such as {count: 3}"),
            Map.entry("labels", "a map such as {team: ml-platform}"),
            Map.entry("http", "a map such as {url: https://svc.example.com/run, auth: oidc}"),
            Map.entry("pubsub", "a map such as {topic: ingest, data: hello}"),
            Map.entry("appEngine", "a map such as {relativeUri: /tasks/run}"),
            Map.entry("headers", "a map such as {Content-Type: application/json}"),
            Map.entry("attributes", "a map such as {source: scheduler}"),
            Map.entry("routing", "a map such as {service: worker}"),
            Map.entry("auth", "oidc, oauth, none or a map such as {type: oidc, audience: https://svc.example.com}"),
            Map.entry("invoker", "none or a map such as {cloudRunService: NAME}"));

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final java.util.Set<String> misspelt = new java.util.HashSet<>();

    ConfigNode(JsonNode node, String path, Problems problems) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    /** Records an error for each key that is not one of {@code allowed}: typos fail loudly, with the likely intent. */
    void allowOnly(List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                Optional<String> meant = Suggest.nearest(key, allowed);
                meant.ifPresent(misspelt::add);
                problems.textError(path(key), "unknown setting" + meant.map(m -> " (did you mean '" + m + "'?)").orElse("")
                        + "; allowed here: " + String.join(", ", allowed), null);
            }
        }
    }

    /**
     * Whether {@code key} is absent because the user misspelt it (already reported by {@link #allowOnly}),
     * so "is required" would be a second error for one mistake.
     */
    boolean misspelt(String key) {
        return misspelt.contains(key);
    }

    /** The nested map at {@code key}, empty when absent; a non-map value is one error, saying what was expected. */
    Optional<ConfigNode> object(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            wrongType(key);
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(v, path(key), problems));
    }

    /** Records that {@code key} holds what its {@link #EXPECTED_MAPS} entry does not allow. */
    void wrongType(String key) {
        problems.textError(path(key), "is " + found(node.get(key)) + "; expected " + expected(key), null);
    }

    /** What a map-valued key expects, with an example. */
    static String expected(String key) {
        return EXPECTED_MAPS.getOrDefault(key, "a map of settings");
    }

    Optional<String> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (!v.isValueNode()) {
            problems.textError(path(key), "is " + found(v) + "; expected a single value", null);
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    Optional<Integer> integer(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d{1,9}"))) {
            return Optional.of(v.asInt());
        }
        problems.textError(path(key), quote(v) + " is " + (v.isNumber() ? "" : YamlReader.kind(v) + ", ") + "not a whole number", null);
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        if (v.isBoolean() || (v.isTextual() && v.asText().matches("true|false"))) {
            return Optional.of(v.asText().equals("true"));
        }
        problems.textError(path(key), quote(v) + " is " + (v.isTextual() ? "" : YamlReader.kind(v) + ", ") + "not true or false", null);
        return Optional.empty();
    }

    Optional<Duration> duration(String key) {
        return text(key).flatMap(t -> {
            Optional<Duration> d = Durations.parse(t);
            if (d.isEmpty()) {
                problems.textError(path(key), quote(node.get(key)) + " is not a duration; write a number with a unit,"
                        + " e.g. 180s, 3.5s, 30m, 1h or 1h30m", null);
            }
            return d;
        });
    }

    /** A list of single values; a single value counts as a list of one. */
    List<String> stringList(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (v.isValueNode()) {
            return List.of(v.asText());
        }
        List<String> out = new java.util.ArrayList<>();
        if (v.isArray()) {
            v.forEach(item -> {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asText());
                } else {
                    problems.textError(path(key), "holds " + found(item) + "; expected single values", null);
                }
            });
        } else {
            problems.textError(path(key), "is " + found(v) + "; expected a list", null);
        }
        return out;
    }

    /** A map of strings (headers, attributes, labels); values must be single values. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        object(key).ifPresent(map -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                } else {
                    problems.textError(map.path(e.getKey()), "is " + found(e.getValue()) + "; expected a single value", null);
                }
            }
        });
        return out;
    }

    /** A body or message: plain text as written, or a YAML map or list rendered as canonical JSON (P5, P16). */
    Optional<Payload> payload(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        return Optional.of(v.isContainerNode() ? new Payload(CanonicalJson.of(v), true) : new Payload(v.asText(), false));
    }

    List<String> keys() {
        TreeSet<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return List.copyOf(keys);
    }

    /** What a wrongly typed value is, with the value: {@code a list ['a', 'b']}. */
    static String found(JsonNode v) {
        return v == null || v.isNull() ? "empty (null)" : YamlReader.kind(v) + " " + quote(v);
    }

    static String quote(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        String text = v.isValueNode() ? v.asText() : v.toString();
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return "'" + text + "'";
    }
}
