package com.cqc.scheduler.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog and one stack's config, merged into what each pipeline is read from. The rules:
 * <ul>
 *   <li>The catalog ({@code pipelines.yaml}) is a map of {@code defaults} and {@code pipelines}, nothing else;
 *       {@code pipelines} must be a non-empty map of id to settings.</li>
 *   <li>{@code cqc-scheduler:pipelines} in the stack file changes pipelines the catalog defines; it cannot
 *       add one (an id the catalog lacks is an error).</li>
 *   <li>{@code cqc-scheduler:defaults} in the stack file merges over the catalog's {@code defaults}. Defaults
 *       hold only {@code timeZone}, {@code attemptDeadline}, {@code retry} and {@code labels}, and apply to every
 *       pipeline under its own settings: its {@code timeZone} or {@code attemptDeadline} replaces the default's,
 *       its {@code retry} merges over the default's field by field, its {@code labels} over the default's key by
 *       key (and {@code environment}, {@code pipeline}, {@code managed-by} are always the program's).</li>
 *   <li>A problem of the defaults is reported once, at {@code defaults.PATH} (naming the stack file when it wrote
 *       the value), never once per pipeline: a wrong type, an unknown key, and every value wrong whatever pipeline
 *       it reaches (a retry field, the time zone, a label, a deadline no target takes: outside 15s..24h15s) are
 *       checked where they are written, even when no pipeline inherits them, by {@link DefaultsReader}, which then
 *       leaves the bad value out so no pipeline repeats it. A value wrong only for some pipelines is reported by
 *       each of those, at the pipeline, saying it came from the defaults (and the stack file when set there): a
 *       deadline within 15s..24h15s but beyond the 30m of an HTTP target, a backoff pair where the pipeline
 *       sets one of the two and the other comes from the defaults (R5.7).</li>
 *   <li>A merge ({@link #merged}) goes key by key through maps at every depth; any other value in the
 *       override, lists included, replaces the catalog's whole (lists are not joined); a null removes the key.</li>
 *   <li>What the stack file set is remembered ({@link #stackPaths}), so a problem there names the stack file.</li>
 *   <li>The catalog is shared, so an error of its text alone (a wrong type, an unknown key, a credential) is
 *       reported by every stack, at the catalog's path, even where this stack's file replaces or removes the value
 *       ({@link #replacedPaths}) or leaves the pipeline out: {@link CatalogTextErrors}.</li>
 * </ul>
 */
final class CatalogMerge {
    private final ObjectNode catalog;
    private final String origin;
    private final ObjectNode overrides;
    private final ObjectNode stackDefaults;

    private CatalogMerge(ObjectNode catalog, String origin, ObjectNode overrides, ObjectNode stackDefaults) {
        this.catalog = catalog;
        this.origin = origin;
        this.overrides = overrides;
        this.stackDefaults = stackDefaults;
    }

    /** Parses both sides; a catalog or stack map that cannot be read at all ends the load here. */
    static CatalogMerge read(String catalogYaml, String catalogOrigin, ConfigSource config) throws ConfigException {
        JsonNode root = YamlReader.read(catalogYaml, catalogOrigin);
        if (root == null || !root.isObject()) {
            throw ConfigException.of(catalogOrigin, "is " + YamlReader.kind(root) + "; expected a YAML map with 'pipelines:'");
        }
        return new CatalogMerge((ObjectNode) root, catalogOrigin, objectConfig(config, "pipelines"),
                objectConfig(config, "defaults"));
    }

    /** The paths the stack file set ({@code pipelines.ID.KEY...}, {@code defaults.KEY...}). */
    Set<String> stackPaths() {
        Set<String> out = new HashSet<>();
        if (!overrides.isEmpty()) {   // an unset key sets nothing, even where the catalog's is no map
            stackPaths(overrides, catalog.path("pipelines"), "pipelines", out);
        }
        if (!stackDefaults.isEmpty()) {
            stackPaths(stackDefaults, catalog.path("defaults"), "defaults", out);
        }
        return out;
    }

    /**
     * The paths of the catalog's values that the stack's changes replace or remove: a value, a null, or a map over
     * a value ({@code retry: {count: 1}} over the catalog's {@code retry: 3}); where both are maps, the paths below.
     */
    Set<String> replacedPaths() {
        Set<String> out = new HashSet<>();
        overrides.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {   // a null for a whole pipeline changes nothing
                replaced(e.getValue(), catalog.path("pipelines").path(e.getKey()), "pipelines." + e.getKey(), out);
            }
        });
        replaced(stackDefaults, catalog.path("defaults"), "defaults", out);
        return out;
    }

    /** The catalog's own entry of pipeline {@code id}, without the stack's changes; empty when it is no map. */
    Optional<ConfigNode> catalogPipeline(String id, Problems problems) {
        JsonNode entry = catalog.path("pipelines").path(id);
        return entry.isObject() ? Optional.of(new ConfigNode(entry, "pipelines." + id, problems)) : Optional.empty();
    }

    /** A copy of the catalog's own defaults, without the stack's (empty when they are no map). */
    ObjectNode catalogDefaults() {
        return merged(catalog.get("defaults"), null);
    }

    /** The catalog file, for messages. */
    String origin() {
        return origin;
    }

    void checkRoot(Problems problems) {
        new ConfigNode(catalog, "", problems).allowOnly(List.of("defaults", "pipelines"));
    }

    /** The catalog's defaults (one error when they are not a map) with the stack's merged over them. */
    ObjectNode defaults(Problems problems) {
        boolean catalogMap = new ConfigNode(catalog, "", problems).object("defaults").isPresent();
        return merged(catalogMap ? catalog.get("defaults") : null, stackDefaults);
    }

    /** The catalog has pipelines, and the stack changes only those. */
    void checkPipelines(Problems problems) {
        JsonNode entries = catalog.path("pipelines");
        if (!entries.isObject() || entries.isEmpty()) {
            problems.error("pipelines", entries.isContainerNode() && !entries.isEmpty() || entries.isValueNode()
                    ? "is " + ConfigNode.found(entries) + "; expected " + ConfigNode.expected("pipelines")
                    : "the catalog " + origin + " defines no pipelines", null);
        }
        for (Iterator<String> it = overrides.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (!entries.has(id)) {
                problems.error("pipelines." + id, "is not in the catalog " + origin
                        + Suggest.didYouMean(id, ids()) + "; a stack file only"
                        + " changes pipelines the catalog defines (known: " + String.join(", ", ids()) + ")", null);
            }
        }
    }

    /** The catalog's pipeline ids, in its order. */
    List<String> ids() {
        List<String> names = new ArrayList<>();
        catalog.path("pipelines").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * One pipeline with the stack's changes merged over it; empty (and one error) when the catalog's entry or
     * the stack's changes to it are not a map.
     */
    Optional<ConfigNode> pipeline(String id, Problems problems) {
        JsonNode entry = catalog.path("pipelines").get(id);
        if (!entry.isObject()) {   // one error, not one per setting it lacks
            problems.error("pipelines." + id, "is " + ConfigNode.found(entry) + "; expected a map of"
                    + " settings (schedule, a target, ...)", null);
            return Optional.empty();
        }
        JsonNode changes = overrides.get(id);
        if (changes != null && !changes.isNull() && !changes.isObject()) {
            problems.error("pipelines." + id, "is " + ConfigNode.found(changes) + "; expected a map of the"
                    + " settings the stack changes, such as {paused: true}", null);
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(merged(entry, changes), "pipelines." + id, problems));
    }

    /** A map-valued key of the stack's config ({@code cqc-scheduler:KEY}), empty when unset. */
    static ObjectNode objectConfig(ConfigSource config, String key) throws ConfigException {
        String name = StackLoader.PROJECT + ":" + key;
        Optional<String> text = config.get(name);
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = Json.parse(text.get());
        } catch (JsonProcessingException notJson) {
            node = TextNode.valueOf(text.get());   // a word: the stack file holds text there
        }
        if (node == null || !node.isObject()) {
            throw ConfigException.of(name, "in " + config.origin() + " is " + ConfigNode.found(node) + "; expected "
                    + ConfigNode.expected(key));
        }
        return (ObjectNode) node;
    }

    /** Deep merge: maps merge key by key, anything else in {@code over} replaces; null removes. */
    static ObjectNode merged(JsonNode base, JsonNode over) {
        ObjectNode out = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : JsonNodeFactory.instance.objectNode();
        if (over == null || !over.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = out.get(e.getKey());
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else if (current != null && current.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merged(current, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static void replaced(JsonNode over, JsonNode was, String path, Set<String> out) {
        if (was.isMissingNode() || was.isNull()) {
            return;   // the stack adds a value: nothing of the catalog's is lost
        }
        if (over.isObject() && was.isObject()) {
            over.fields().forEachRemaining(e -> replaced(e.getValue(), was.path(e.getKey()), path + "." + e.getKey(), out));
        } else {
            out.add(path);
        }
    }

    /**
     * The stack's values down to where they meet no map of the catalog's: below that point ({@code retyr: {count:
     * 1}} with no {@code retyr} in the catalog, a value, a null) everything is the stack's.
     */
    private static void stackPaths(JsonNode node, JsonNode catalogNode, String prefix, Set<String> out) {
        if (node != null && node.isObject() && catalogNode.isObject()) {
            node.fields().forEachRemaining(e -> stackPaths(e.getValue(), catalogNode.path(e.getKey()),
                    prefix + "." + e.getKey(), out));
        } else {
            out.add(prefix);
        }
    }
}
