package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * docs/catalog.schema.json against the loader, both ways: the schema's examples load; at every map the
 * loader checks, the keys it allows are the keys the schema declares; the stack keys it reads are the
 * ones the schema declares; the project's own files validate and name the schema for editors.
 */
class CatalogSchemaTest {
    private static final Path SCHEMA_FILE = Path.of("docs", "catalog.schema.json");
    private static final String MODELINE = "# yaml-language-server: $schema=docs/catalog.schema.json";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPO = "zzUnknownKey";

    private static final JsonNode SCHEMA_JSON = read(SCHEMA_FILE, JSON);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SCHEMA_JSON);

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static ObjectNode catalogExample() {
        return (ObjectNode) SCHEMA_JSON.at("/definitions/catalog/examples/0").deepCopy();
    }

    private static ObjectNode stackExample() {
        return (ObjectNode) SCHEMA_JSON.at("/definitions/stackFile/examples/0").deepCopy();
    }

    private static StackModel load(JsonNode catalog, JsonNode stack) throws ConfigException {
        return new StackLoader(NOW).load(catalog.toString(), "pipelines.yaml",
                StackFile.parse("example", "Pulumi.example.yaml", StackLoader.PROJECT, stack.toString()));
    }

    private static Set<String> schemaErrors(JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(document)) {
            out.add(m.getMessage());
        }
        return out;
    }

    private static Set<String> schemaKeys(String definition) {
        JsonNode properties = SCHEMA_JSON.at("/definitions/" + definition + "/properties");
        assertThat(properties.isObject()).as("definition %s has properties", definition).isTrue();
        Set<String> keys = new TreeSet<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theExamplesValidateAndLoadWithoutErrors() throws Exception {
        ObjectNode catalog = catalogExample();
        ObjectNode stack = stackExample();

        assertThat(schemaErrors(catalog)).isEmpty();
        assertThat(schemaErrors(stack)).isEmpty();
        StackModel model = load(catalog, stack);

        assertThat(model.pipelines()).extracting(p -> p.id()).containsExactlyInAnyOrder(
                "weekly-model-training", "dataflow-launch", "daily-data-ingestion", "weekly-appengine-task", "reports-publish");
    }

    @ParameterizedTest(name = "{0} {1} ~ definitions/{2}")
    @CsvSource(delimiter = '|', value = {
            "catalog|''|catalog",
            "catalog|/defaults|defaults",
            "catalog|/defaults/retry|retry",
            "catalog|/pipelines/weekly-model-training|pipelineFields",
            "catalog|/pipelines/weekly-model-training/http|http",
            "catalog|/pipelines/weekly-model-training/http/auth|authSpec",
            "catalog|/pipelines/weekly-model-training/http/invoker|invokerSpec",
            "catalog|/pipelines/daily-data-ingestion/pubsub|pubsub",
            "catalog|/pipelines/weekly-appengine-task/appEngine|appEngine",
            "catalog|/pipelines/weekly-appengine-task/appEngine/routing|routing",
            "stack|/config/cqc-scheduler:alerting|alerting",
            "stack|/config/cqc-scheduler:defaults|defaults",
            "stack|/config/cqc-scheduler:pipelines/weekly-model-training|pipelineFields"})
    void atEveryMapTheLoaderChecksTheAllowedKeysAreTheSchemasAndATypoFailsBoth(String file, String pointer, String definition) {
        ObjectNode catalog = catalogExample();
        ObjectNode stack = stackExample();
        ObjectNode target = (ObjectNode) (file.equals("catalog") ? catalog : stack).at(pointer);
        assertThat(target).as("%s %s in the examples", file, pointer).isNotNull();
        target.put(TYPO, "x");

        ConfigException error = assertThrows(ConfigException.class, () -> load(catalog, stack));
        Problem unknown = error.problems().stream().filter(p -> p.path().endsWith(TYPO)).findFirst().orElseThrow(
                () -> new AssertionError("the loader did not refuse " + TYPO + " at " + pointer + ": " + error.problems()));
        // "unknown setting; allowed here: a, b, c", and " [set in FILE]" when a stack file set the key.
        String allowedText = unknown.message().replaceFirst("^unknown setting; allowed here: ", "")
                .replaceFirst(" \\[set in [^]]*]$", "");
        Set<String> allowed = new TreeSet<>(Arrays.asList(allowedText.split(", ")));

        assertThat(schemaKeys(definition)).as("keys of definitions/%s vs the loader's at %s", definition, pointer)
                .isEqualTo(allowed);
        assertThat(schemaErrors(file.equals("catalog") ? catalog : stack)).as("the schema refuses the typo too")
                .anyMatch(m -> m.contains(TYPO));
    }

    @Test
    void theStackKeysTheLoaderReadsAreTheSchemas(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pipelines.yaml"), catalogExample().toString());
        ConfigSource file = StackFile.parse("example", "Pulumi.example.yaml", StackLoader.PROJECT, stackExample().toString());
        Set<String> read = new TreeSet<>();
        ConfigSource recording = file.withGet(key -> {
            read.add(key);
            return file.get(key);
        });

        new StackLoader(NOW).load(dir, recording);

        assertThat(schemaKeys("stackConfig")).isEqualTo(read);
    }

    @Test
    void theSchemaAndTheLoaderRefuseAStackKeyTheyDoNotKnowInTheProjectsNamespaceOnly() {
        ObjectNode stack = stackExample();
        ((ObjectNode) stack.get("config")).put("cqc-scheduler:enviroment", "dev");
        ((ObjectNode) stack.get("config")).put("pulumi:tags", "x");

        assertThat(schemaErrors(stack)).singleElement().asString().contains("cqc-scheduler:enviroment");
    }

    @Test
    void aCatalogPipelineNeedsASchedule() {
        ObjectNode catalog = catalogExample();
        ((ObjectNode) catalog.at("/pipelines/daily-data-ingestion")).remove("schedule");

        assertThat(schemaErrors(catalog)).anyMatch(m -> m.contains("schedule"));
        assertThatThrownBy(() -> load(catalog, stackExample())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines.daily-data-ingestion.schedule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pipelines.yaml", "Pulumi.dev.yaml", "Pulumi.staging.yaml", "Pulumi.prod.yaml"})
    void theProjectsFilesValidateAndNameTheSchemaForEditors(String name) throws Exception {
        Path file = Path.of(name);

        assertThat(schemaErrors(read(file, new YAMLMapper()))).isEmpty();
        List<String> head = new ArrayList<>(Files.readAllLines(file).subList(0, 3));
        assertThat(head).contains(MODELINE);
    }
}
