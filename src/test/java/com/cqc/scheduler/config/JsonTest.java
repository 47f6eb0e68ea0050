package com.cqc.scheduler.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Json reads and writes exactly what databind's ObjectMapper did, which it replaces on the plan's path. */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 300)
    void writesWhatJacksonsToStringWrites(@ForAll("trees") JsonNode tree) {
        assertThat(Json.write(tree)).isEqualTo(tree.toString());
    }

    @Property(tries = 300)
    void readsWhatReadTreeReads(@ForAll("trees") JsonNode tree) throws Exception {
        String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        JsonNode read = Json.parse(text);

        assertThat(read).isEqualTo(MAPPER.readTree(text));
        assertThat(read.toString()).isEqualTo(MAPPER.readTree(text).toString());
        assertThat(Json.parseValue(text)).isEqualTo(MAPPER.readValue(text, Object.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "-2147483649", "9223372036854775808", "1.5", "1e21", "-0.0", "\"\\u00e9\\ud83d\\ude00\"",
            "{\"a\": 1, \"a\": 2}", "[1, [2, {}], null, true, false]", "{} trailing", "  \"x\"  "})
    void numbersRepeatedKeysAndTrailingTextAsReadTree(String text) throws Exception {
        JsonNode expected = MAPPER.readTree(text);
        JsonNode read = Json.parse(text);

        assertThat(read).isEqualTo(expected);
        assertThat(read.numberType()).isEqualTo(expected.numberType());
        assertThat(Json.parseValue(text)).isEqualTo(MAPPER.readValue(text, Object.class));
    }

    @Test
    void emptyTextHoldsNoValue() throws Exception {
        assertThat(Json.parse("")).isNull();
        assertThat(Json.parse("   ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\" 1}", "[1,,2]", "{'a': 1}", "nul", "{\"a\": [}"})
    void malformedTextFailsWithReadTreesMessage(String text) {
        String expected = messageOf(() -> MAPPER.readTree(text));

        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonProcessingException.class)
                .extracting(e -> ((JsonProcessingException) e).getOriginalMessage()).isEqualTo(expected);
    }

    private static String messageOf(ThrowingCall call) {
        try {
            call.run();
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("readTree accepted it");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.recursive(this::leaves, this::containers, 0, 4);
    }

    private Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(64), BigInteger.TWO.pow(80)).map(b -> (JsonNode) NODES.numberNode(b)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
    }

    private Arbitrary<JsonNode> containers(Arbitrary<JsonNode> element) {
        Arbitrary<JsonNode> arrays = element.list().ofMaxSize(4).map(JsonTest::array);
        Arbitrary<JsonNode> objects = Combinators.combine(
                Arbitraries.strings().all().ofMaxLength(8).list().ofMaxSize(4).uniqueElements(),
                element.list().ofSize(4)).as(JsonTest::object);
        return Arbitraries.oneOf(arrays, objects);
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    private static JsonNode object(List<String> keys, List<JsonNode> values) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < keys.size(); i++) {
            object.set(keys.get(i), values.get(i));
        }
        return object;
    }
}
