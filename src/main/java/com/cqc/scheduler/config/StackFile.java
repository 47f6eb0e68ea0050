package com.cqc.scheduler.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * A stack file ({@code Pulumi.<stack>.yaml}) read the way Pulumi reads it: keys without a namespace
 * belong to the project; objects are handed over as JSON text; {@code secure:} values are secrets whose
 * clear text only Pulumi can decrypt, so offline they read as {@link #SECRET_PLACEHOLDER}.
 */
public final class StackFile implements ConfigSource {
    public static final String SECRET_PLACEHOLDER = "[secret]";

    private final String stack;
    private final String origin;
    private final Map<String, String> values;
    private final Set<String> secrets;

    private StackFile(String stack, String origin, Map<String, String> values, Set<String> secrets) {
        this.stack = stack;
        this.origin = origin;
        this.values = values;
        this.secrets = secrets;
    }

    /** Reads {@code Pulumi.<stack>.yaml} in {@code projectDir}. */
    public static StackFile read(Path projectDir, String projectName, String stack) throws ConfigException {
        Path file = projectDir.resolve("Pulumi." + stack + ".yaml");
        String text;
        try {
            text = YamlReader.readFile(file, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw ConfigException.of("stack", "'" + stack + "' has no stack file " + file.getFileName()
                    + " in " + projectDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw ConfigException.of("stack", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(stack, file.getFileName().toString(), projectName, text);
    }

    /** Parses the text of a stack file. */
    public static StackFile parse(String stack, String origin, String projectName, String text) throws ConfigException {
        JsonNode root = YamlReader.read(text, origin);
        JsonNode config = root == null ? null : root.get("config");
        if (config == null || !config.isObject()) {
            String found = config == null ? (root != null && root.isObject() ? "no 'config:' key" : YamlReader.kind(root))
                    : "'config:' holding " + YamlReader.kind(config);
            throw ConfigException.of(origin, "has " + found + "; expected a map under 'config:', e.g."
                    + " 'config:\\n  gcp:project: my-project'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().contains(":") ? e.getKey() : projectName + ":" + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject() && value.size() == 1 && value.has("secure")) {
                secrets.add(key);
                values.put(key, SECRET_PLACEHOLDER);
            } else if (value.isContainerNode()) {
                values.put(key, Json.write(value));
            } else {
                values.put(key, value.asText());
            }
        }
        return new StackFile(stack, origin, Map.copyOf(values), Set.copyOf(secrets));
    }

    @Override
    public String stackName() {
        return stack;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Secrets are {@code secure:} values, whose clear text only Pulumi can decrypt. */
    @Override
    public boolean isSecret(String key) {
        return secrets.contains(key);
    }
}
