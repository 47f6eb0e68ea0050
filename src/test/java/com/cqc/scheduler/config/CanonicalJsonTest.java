package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.cqc.scheduler.config.Stacks.catalog;
import static com.cqc.scheduler.config.Stacks.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P16: a body or message object gives the same bytes whatever order its keys were written in (YAML order in
 * a catalog, sorted JSON from the engine), at every depth, and keeps its value.
 */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 300)
    void anyKeyOrderGivesTheSameBase64(@ForAll("trees") JsonNode tree, @ForAll long seed) throws Exception {
        JsonNode shuffled = shuffled(tree, new Random(seed));

        String base64 = new Payload(CanonicalJson.of(tree), true).base64();
        assertThat(new Payload(CanonicalJson.of(shuffled), true).base64()).isEqualTo(base64);
        JsonNode sent = JSON.readTree(Payload.decode(base64));
        assertThat(sent).isEqualTo(tree);
        assertKeysSorted(sent);
    }

    @Property(tries = 60)
    void theLoaderSendsTheSameDataForAMessageWrittenInAnyKeyOrder(@ForAll("objects") JsonNode tree, @ForAll long seed) {
        String written = shuffled(tree, new Random(seed)).toString();
        String engineOrder = CanonicalJson.of(tree);

        assertThat(data("pubsub: {topic: tee, data: " + written + "}")).isEqualTo(data("pubsub: {topic: tee, data: " + engineOrder + "}"))
                .isEqualTo(new Payload(engineOrder, true).base64());
    }

    @Example
    void aStackFileObjectAndTheSameCatalogObjectInAnotherOrderGiveTheSameBody() {
        String inCatalog = data("pubsub: {topic: tee, data: {z: 1, a: {y: [ {d: 1, c: 2} ], b: 2}}}");

        assertThat(Payload.decode(inCatalog)).isEqualTo("{\"a\":{\"b\":2,\"y\":[{\"c\":2,\"d\":1}]},\"z\":1}");
        String fromStack = load(catalog("schedule: \"0 2 * * *\"\npubsub: {topic: tee, data: x}\n"),
                "cqc-scheduler:pipelines: {p: {pubsub: {data: {a: {b: 2, y: [{c: 2, d: 1}]}, z: 1}}}}\n")
                .pipelines().get(0).target() instanceof Target.Pubsub p ? p.data().orElseThrow().base64() : null;
        assertThat(fromStack).isEqualTo(inCatalog);
    }

    @Example
    void wholeFloatsAreWrittenAsTheEngineHandsThemOverAndOtherNumbersAsWritten() throws Exception {
        // What Go's encoding/json makes of the same YAML numbers, read back by the program.
        JsonNode fromEngine = JSON.readTree("{\"a\":1,\"b\":-2,\"c\":1.5,\"d\":100000,\"e\":1e+21,\"f\":0}");
        JsonNode fromYaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree("{a: 1.0, b: -2.00, c: 1.5, d: 100000.0, e: 1.0e+21, f: -0.0}");

        assertThat(CanonicalJson.of(fromYaml)).isEqualTo(CanonicalJson.of(fromEngine))
                .isEqualTo("{\"a\":1,\"b\":-2,\"c\":1.5,\"d\":100000,\"e\":1.0E21,\"f\":0}");
    }

    @Example
    void keysAreOrderedByCodePointAsGoOrdersTheirUtf8Bytes() {
        ObjectNode node = NODES.objectNode();
        node.put("\uD83D\uDE00", 1);   // U+1F600: one UTF-16 surrogate pair, after U+FB01 in UTF-8
        node.put("\uFB01", 2);
        node.put("B", 3);
        node.put("a", 4);

        assertThat(CanonicalJson.of(node)).isEqualTo("{\"B\":3,\"a\":4,\"\uFB01\":2,\"\uD83D\uDE00\":1}");
    }

    private static String data(String target) {
        Target.Pubsub pubsub = (Target.Pubsub) load(catalog("schedule: \"0 2 * * *\"\n" + target + "\n"), "")
                .pipelines().get(0).target();
        return pubsub.data().orElseThrow().base64();
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.recursive(() -> leaves(Arbitraries.strings().ofMaxLength(6)), inner -> containers(inner, keys()), 0, 4);
    }

    /** Objects the catalog can hold: printable keys and values that YAML reads back as the same JSON. */
    @Provide
    Arbitrary<JsonNode> objects() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', 'é', '日').ofMinLength(1).ofMaxLength(5);
        Arbitrary<JsonNode> tree = Arbitraries.recursive(() -> leaves(text), inner -> containers(inner, text), 0, 3);
        return Arbitraries.maps(text, tree).ofMinSize(1).ofMaxSize(5).map(CanonicalJsonTest::object);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(4),
                Arbitraries.strings().withChars('a', 'B', '_', '\uFB01').withCharRange('\uE000', '\uE002').ofMaxLength(3),
                Arbitraries.of("\uD83D\uDE00", "\uD83D\uDE00a", "\uFFFF", "key"));
    }

    private static Arbitrary<JsonNode> leaves(Arbitrary<String> text) {
        return Arbitraries.oneOf(
                text.map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }

    private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner, Arbitrary<String> keys) {
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(CanonicalJsonTest::array),
                Arbitraries.maps(keys, inner).ofMaxSize(4).map(CanonicalJsonTest::object));
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode out = NODES.arrayNode();
        elements.forEach(out::add);
        return out;
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode out = NODES.objectNode();
        fields.forEach(out::set);
        return out;
    }

    /** The same value with every object's keys in a random order; arrays keep theirs. */
    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.shuffle(keys, random);
            ObjectNode out = NODES.objectNode();
            keys.forEach(k -> out.set(k, shuffled(node.get(k), random)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(e -> out.add(shuffled(e, random)));
            return out;
        }
        return node;
    }

    private static void assertKeysSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            List<String> byBytes = new ArrayList<>(keys);
            byBytes.sort((a, b) -> java.util.Arrays.compareUnsigned(
                    a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(keys).isEqualTo(byBytes);
        }
        node.forEach(CanonicalJsonTest::assertKeysSorted);
    }
}
