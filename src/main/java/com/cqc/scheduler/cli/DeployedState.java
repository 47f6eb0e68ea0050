package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.infra.ResourceTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stack has deployed, read from {@code pulumi stack export} (deployment version 3): each
 * resource's URN, type, inputs, outputs, parent and protection. The stack itself and provider resources are
 * kept apart: the plan does not register them.
 */
record DeployedState(String stack, Map<String, Resource> resources) {
    /** One resource of the export. */
    record Resource(String urn, String type, boolean custom, String parent, boolean protect, Map<String, Object> inputs,
                    Map<String, Object> outputs) {}

    /** The key that marks a secret in an export: the object holds its ciphertext, or with --show-secrets its plaintext. */
    private static final String SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

    /** Whether a value is a secret: "[secret]" in the plan, a signed object in an export. */
    static boolean isSecret(Object value) {
        return Shown.SECRET.equals(value) || value instanceof Map<?, ?> m && m.containsKey(SECRET_SIGNATURE);
    }

    static DeployedState read(Path file) throws ConfigException {
        return parse(Workspace.read(file, "--state"), "--state " + file);
    }

    /** Parses an export; {@code where} names it in errors. */
    @SuppressWarnings("unchecked")
    static DeployedState parse(String text, String where) {
        JsonNode root;
        ObjectMapper mapper = new ObjectMapper();
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException(where + ": not JSON (" + e.getOriginalMessage() + "); expected the output of"
                    + " `pulumi stack export`");
        }
        if (root == null || !root.isObject() || !root.path("deployment").isObject()) {
            throw new UsageException(where + ": no \"deployment\" object; expected the output of `pulumi stack export`");
        }
        int version = root.path("version").asInt(-1);
        if (version != 3) {
            throw new UsageException(where + ": deployment version " + root.path("version")
                    + " is not supported; export the stack with a current Pulumi CLI (version 3)");
        }
        JsonNode list = root.path("deployment").path("resources");
        Map<String, Resource> out = new LinkedHashMap<>();
        String stack = null;
        int i = 0;
        for (JsonNode r : list.isArray() ? list : mapper.createArrayNode()) {
            String urn = r.path("urn").asText("");
            String type = r.path("type").asText("");
            if (urn.isEmpty() || type.isEmpty()) {
                throw new UsageException(where + ": deployment.resources[" + i + "] has no urn or type");
            }
            if (ResourceTypes.isProvider(type)) {
                i++;
                continue;
            }
            if (type.equals(ResourceTypes.STACK)) {
                stack = urn.split("::")[0].substring("urn:pulumi:".length());
            }
            Map<String, Object> inputs = r.path("inputs").isObject()
                    ? mapper.convertValue(r.path("inputs"), Map.class) : Map.of();
            Map<String, Object> outputs = r.path("outputs").isObject()
                    ? mapper.convertValue(r.path("outputs"), Map.class) : Map.of();
            out.put(urn, new Resource(urn, type, r.path("custom").asBoolean(!ResourceTypes.isComponent(type)),
                    r.hasNonNull("parent") ? r.get("parent").asText() : null, r.path("protect").asBoolean(false), inputs,
                    outputs));
            i++;
        }
        return new DeployedState(stack, out);
    }
}
