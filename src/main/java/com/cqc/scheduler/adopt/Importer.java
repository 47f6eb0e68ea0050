package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.ConfigSource;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.infra.ScheduledPipeline;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.StackSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adopts hand-made jobs: each job not in the catalog yet becomes a catalog entry (validated by the one
 * loader, as if it were already there) and an entry of a Pulumi bulk import file whose names and
 * parents are the ones the program registers, so the first {@code pulumi up} leaves the job as it is.
 */
public final class Importer {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final StackSettings stack;
    private final ConfigSource config;
    private final Instant now;

    public Importer(StackSettings stack, ConfigSource config, Instant now) {
        this.stack = stack;
        this.config = config;
        this.now = now;
    }

    /** Translates the jobs that {@code catalogIds} lacks, and validates each entry. */
    public List<Translation> translate(List<JsonNode> jobs, Set<String> catalogIds, String defaultsYaml) {
        JobTranslator translator = new JobTranslator(stack);
        List<Translation> out = new ArrayList<>();
        for (JsonNode job : jobs) {
            String name = job.path("name").asText();
            Optional<JobName> parsed = JobName.parse(name);
            if (parsed.isPresent() && catalogIds.contains(parsed.get().id())) {
                out.add(new Translation.Skipped(name, List.of("the catalog already has a pipeline "
                        + parsed.get().id() + "; use drift to compare it with the cloud")));
                continue;
            }
            Translation t = translator.translate(job);
            out.add(t instanceof Translation.Imported imported ? validated(imported, defaultsYaml) : t);
        }
        return out;
    }

    /** The entry through the loader, alone in a catalog with the real defaults and this stack. */
    private Translation validated(Translation.Imported imported, String defaultsYaml) {
        ObjectNode catalog = YAML.createObjectNode();
        try {
            JsonNode defaults = defaultsYaml.isBlank() ? null : YAML.readTree(defaultsYaml);
            if (defaults != null && defaults.isObject()) {
                catalog.set("defaults", defaults);
            }
            catalog.putObject("pipelines").set(imported.id(), imported.entry());
            StackModel model = new StackLoader(now).load(YAML.writeValueAsString(catalog), "(imported entry)",
                    withoutOverrides());
            return withInvokerNamed(imported, model.pipelines().get(0));
        } catch (ConfigException e) {
            List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
            return new Translation.Skipped(imported.name(), errors.stream().map(p -> "the entry would be invalid: " + p).toList());
        } catch (JsonProcessingException e) {
            return new Translation.Skipped(imported.name(), List.of("the catalog's defaults are not YAML: " + e.getOriginalMessage()));
        }
    }

    /** Names the new invoker account as the program will create it (the loader derives the id). */
    private Translation.Imported withInvokerNamed(Translation.Imported imported, Pipeline pipeline) {
        if (imported.reusedAccount().isPresent() || pipeline.serviceAccountId().isEmpty()) {
            return imported;
        }
        List<String> notes = new ArrayList<>(imported.notes());
        notes.add("its new invoker account will be " + pipeline.serviceAccountId().get() + "@" + stack.project()
                + ".iam.gserviceaccount.com");
        return new Translation.Imported(imported.name(), imported.id(), imported.entry(), notes, imported.reusedAccount());
    }

    /** The YAML of the imported entries, indented to sit under {@code pipelines:}. */
    public static String entriesYaml(List<Translation.Imported> imported) {
        ObjectNode entries = YAML.createObjectNode();
        imported.forEach(i -> entries.set(i.id(), i.entry()));
        try {
            return YAML.writeValueAsString(entries).indent(2);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the entries cannot be written as YAML", e);
        }
    }

    /**
     * A {@code pulumi import --file} document: the component (created empty) and, under it, the job and
     * any invoker account the pipeline keeps, with the logical names the program gives them.
     */
    public String importFile(List<Translation.Imported> imported) {
        ObjectNode doc = CloudJobs.JSON.createObjectNode();
        ArrayNode resources = doc.putArray("resources");
        for (Translation.Imported i : imported) {
            resources.addObject().put("type", ScheduledPipeline.TYPE).put("name", i.id()).put("component", true);
            resources.addObject().put("type", ResourceTypes.JOB).put("name", i.id() + "-job")
                    .put("id", i.name()).put("parent", i.id());
            i.reusedAccount().ifPresent(account -> resources.addObject()
                    .put("type", ResourceTypes.SERVICE_ACCOUNT).put("name", i.id() + "-invoker")
                    .put("id", "projects/" + stack.project() + "/serviceAccounts/" + account + "@" + stack.project()
                            + ".iam.gserviceaccount.com")
                    .put("parent", i.id()));
        }
        try {
            return CloudJobs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the import file cannot be written", e);
        }
    }

    /** The stack's config without its per-pipeline overrides, which belong to other entries. */
    private ConfigSource withoutOverrides() {
        return config.withGet(key -> key.equals(StackLoader.PROJECT + ":pipelines") ? Optional.empty() : config.get(key));
    }
}
