package com.cqc.scheduler.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code pulumi stack export} files crafted in the documented shape (deployment version 3): the stack
 * resource, the default gcp provider, then every resource of a plan as if it had been applied (inputs
 * with the bridge's {@code __defaults}, outputs with the id, parent, protect). Tests then edit them.
 */
final class StackExports {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StackExports() {}

    /** The export a stack would have right after `pulumi up` of its current plan. */
    static ObjectNode deployed(String stack) throws Exception {
        return deployed(stack, new String[0]);
    }

    /**
     * The same, of the plan with more options ({@code --project-dir DIR}). Its props are the plan JSON's,
     * where what looks like a credential is masked: a test that needs the values sent puts them back.
     */
    static ObjectNode deployed(String stack, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", "--stack", stack, "--format", "json", "--runs", "0"));
        args.addAll(List.of(options));
        JsonNode plan = MAPPER.readTree(CliRun.of(args.toArray(String[]::new)).out());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 3);
        ObjectNode deployment = root.putObject("deployment");
        deployment.putObject("manifest").put("time", "2026-11-28T10:00:00Z").put("version", "v3.140.0");
        ArrayNode resources = deployment.putArray("resources");
        String stackUrn = "urn:pulumi:" + stack + "::cqc-scheduler::pulumi:pulumi:Stack::cqc-scheduler-" + stack;
        resources.addObject().put("urn", stackUrn).put("custom", false).put("type", "pulumi:pulumi:Stack");
        resources.addObject().put("urn", "urn:pulumi:" + stack + "::cqc-scheduler::pulumi:providers:gcp::default_7_0_0")
                .put("custom", true).put("id", "0b9b4d4c").put("type", "pulumi:providers:gcp")
                .set("inputs", MAPPER.createObjectNode().put("version", "7.0.0"));
        for (JsonNode r : plan.get("resources")) {
            ObjectNode out = resources.addObject();
            out.put("urn", r.get("urn").asText());
            out.put("custom", r.get("custom").asBoolean());
            out.put("type", r.get("type").asText());
            ObjectNode inputs = r.get("props").deepCopy();
            if (r.get("custom").asBoolean()) {
                // What the provider's Check returns: the schema defaults filled in.
                ProviderDiff.checked(r.get("type").asText(), MAPPER.convertValue(inputs, new TypeReference<Map<String, Object>>() {}))
                        .forEach((k, v) -> inputs.set(k, MAPPER.valueToTree(v)));
                resolveChannels(inputs, stack);
                out.put("id", r.get("name").asText() + "-id");
                inputs.putArray("__defaults");
                out.set("inputs", inputs);
                out.set("outputs", inputs.deepCopy().put("id", r.get("name").asText() + "-id"));
            }
            out.put("parent", r.get("parent").isNull() ? stackUrn : r.get("parent").asText());
            if (r.get("options").get("protect").asBoolean()) {
                out.put("protect", true);
            }
            if (r.get("custom").asBoolean()) {
                out.put("provider", "urn:pulumi:" + stack + "::cqc-scheduler::pulumi:providers:gcp::default_7_0_0::0b9b4d4c");
            }
        }
        return root;
    }

    /** The alert policy's channels as an up would have left them: the created channel's assigned name. */
    private static void resolveChannels(ObjectNode inputs, String stack) {
        if (inputs.get("notificationChannels") instanceof ArrayNode channels) {
            int created = 0;
            for (int i = 0; i < channels.size(); i++) {
                if (channels.get(i).asText().endsWith("(known after apply)")) {
                    channels.set(i, MAPPER.getNodeFactory().textNode(channels.get(i).asText()
                            .replace("(known after apply)", String.valueOf(5000 + created++))));
                }
            }
        }
    }

    /** The resource of an export with the given logical name. */
    static ObjectNode resource(ObjectNode export, String name) {
        for (JsonNode r : export.get("deployment").get("resources")) {
            if (r.get("urn").asText().endsWith("::" + name)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no resource " + name + " in the export");
    }

    static ObjectNode inputs(ObjectNode export, String name) {
        return (ObjectNode) resource(export, name).get("inputs");
    }

    static void remove(ObjectNode export, String name) {
        ArrayNode resources = (ArrayNode) export.get("deployment").get("resources");
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).get("urn").asText().endsWith("::" + name)) {
                resources.remove(i);
                return;
            }
        }
        throw new AssertionError("no resource " + name + " in the export");
    }

    /**
     * Applies {@code edit} to the export's inputs, then writes it with outputs as the cloud would
     * report them after an up of those inputs (the inputs and the id; a channel's name resolved).
     */
    static Path write(ObjectNode export, Path file, Consumer<ObjectNode> edit) throws Exception {
        edit.accept(export);
        int channel = 0;
        for (JsonNode r : export.get("deployment").get("resources")) {
            if (r.has("inputs") && r.has("outputs") && !r.get("type").asText().startsWith("pulumi:")) {
                ObjectNode outputs = r.get("inputs").deepCopy();
                outputs.remove("__defaults");
                outputs.put("id", r.get("id").asText());
                if (r.get("type").asText().equals("gcp:monitoring/notificationChannel:NotificationChannel")) {
                    outputs.put("name", "projects/" + outputs.get("project").asText() + "/notificationChannels/" + (5000 + channel++));
                }
                ((ObjectNode) r).set("outputs", outputs);
            }
        }
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(export));
        return file;
    }
}
