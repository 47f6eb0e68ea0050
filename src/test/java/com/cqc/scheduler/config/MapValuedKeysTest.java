package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number, a word, a list or a boolean where a map belongs ({@code retry: 3}) is one error, never read as an
 * empty map: at the key's path, saying what was found and what is expected (with an example), naming the stack
 * file when it wrote the value; in a pipeline of the catalog or of a stack file's overrides, in the defaults of
 * either, and however many pipelines the defaults reach.
 */
class MapValuedKeysTest {
    /** A map-valued key inside a pipeline: the pipeline with VALUE at the key, a valid value, the keys down to it. */
    record Place(String key, String pipeline, String valid, List<String> keys) {
        String path() {
            return "pipelines.p0." + String.join(".", keys);
        }

        /** The stack's change of p0 that sets {@code value} at the key, as a YAML flow map. */
        String stackChange(String value) {
            String out = value;
            for (int i = keys.size() - 1; i >= 0; i--) {
                out = "{" + keys.get(i) + ": " + out + "}";
            }
            return out;
        }
    }

    private static final String SCHEDULE = "schedule: \"0 2 * * *\"\n";
    private static final String URL = "url: https://svc.example.com/run";
    /** Every map-valued key of a pipeline. */
    static final List<Place> PLACES = List.of(
            new Place("retry", Stacks.PUBSUB + "retry: VALUE\n", "{count: 1}", List.of("retry")),
            new Place("labels", Stacks.PUBSUB + "labels: VALUE\n", "{team: ml}", List.of("labels")),
            new Place("http", SCHEDULE + "http: VALUE\n", "{" + URL + ", auth: none, invoker: none}", List.of("http")),
            new Place("pubsub", SCHEDULE + "pubsub: VALUE\n", "{topic: ingest, data: hello}", List.of("pubsub")),
            new Place("appEngine", SCHEDULE + "appEngine: VALUE\n", "{relativeUri: /run}", List.of("appEngine")),
            new Place("headers", SCHEDULE + "http: {" + URL + ", auth: none, invoker: none, headers: VALUE}\n",
                    "{X-Team: ml}", List.of("http", "headers")),
            new Place("attributes", SCHEDULE + "pubsub: {topic: ingest, data: hello, attributes: VALUE}\n", "{a: b}",
                    List.of("pubsub", "attributes")),
            new Place("routing", SCHEDULE + "appEngine: {relativeUri: /run, routing: VALUE}\n", "{service: worker}",
                    List.of("appEngine", "routing")),
            new Place("auth", SCHEDULE + "http: {" + URL + ", auth: VALUE, invoker: none}\n", "none", List.of("http", "auth")),
            new Place("invoker", SCHEDULE + "http: {" + URL + ", auth: oidc, invoker: VALUE}\n", "{cloudRunService: svc}",
                    List.of("http", "invoker")));
    /** The keys of the defaults whose value is a map. */
    static final List<String> DEFAULT_MAPS = List.of("retry", "labels");

    /** A value that is not a map, as YAML, and how the error describes it. */
    static final Map<String, String> WRONG = new TreeMap<>(Map.of("3", "a number '3'", "three", "text 'three'",
            "[a, b]", "a list '[\"a\",\"b\"]'", "true", "a boolean 'true'"));

    @Provide
    Arbitrary<Place> places() {
        return Arbitraries.of(PLACES);
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of(WRONG.keySet());
    }

    /** p0 as given, then {@code others} Pub/Sub pipelines with topics of their own. */
    static String catalog(String p0, int others) {
        StringBuilder out = new StringBuilder("pipelines:\n  p0:\n").append(p0.indent(4));
        for (int i = 1; i <= others; i++) {
            out.append("  p").append(i).append(":\n").append(Stacks.PUBSUB.replace("ingest", "ingest-" + i).indent(4));
        }
        return out.toString();
    }

    /** The one error, at {@code path}, quoting the value and what {@code key} expects; auth also takes a word. */
    private static void assertTheOneError(List<Problem> errors, String path, String key, String value, boolean stackFile) {
        assertTheOneError(errors, path, key, value, stackFile ? STACK_FILE : null);
    }

    /** As above, the message ending in {@code setIn} (null: naming no file). */
    static void assertTheOneError(List<Problem> errors, String path, String key, String value, String setIn) {
        assertThat(ConfigNode.EXPECTED_MAPS.get(key)).contains("a map such as {");
        if (key.equals("auth") && !value.startsWith("[")) {
            assertTheOneError(errors, path, "'" + value + "' is not an auth type; allowed: oidc, oauth, none", setIn);
        } else {
            assertTheOneError(errors, path, "is " + WRONG.get(value) + "; expected " + ConfigNode.EXPECTED_MAPS.get(key),
                    setIn);
        }
    }

    /** The stack file's mark on a message. */
    static final String STACK_FILE = " [set in Pulumi.test.yaml]";

    private static void assertTheOneError(List<Problem> errors, String path, String message, boolean stackFile) {
        assertTheOneError(errors, path, message, stackFile ? STACK_FILE : null);
    }

    /** The one error, at {@code path}, starting with {@code message} and ending with {@code setIn} (null: no file named). */
    static void assertTheOneError(List<Problem> errors, String path, String message, String setIn) {
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).startsWith(message);
            if (setIn == null) {
                assertThat(p.message()).doesNotContain("[set in ");
            } else {
                assertThat(p.message()).endsWith(setIn);
            }
        });
    }

    @Property(tries = 200)
    void aPipelinesMapValuedKeyHoldingSomethingElseIsOneError(@ForAll("places") Place place, @ForAll("wrongValues") String value,
                                                             @ForAll boolean inStackFile,
                                                             @ForAll @IntRange(min = 0, max = 2) int others) {
        List<Problem> errors = inStackFile
                ? Stacks.errors(catalog(place.pipeline().replace("VALUE", place.valid()), others),
                        "cqc-scheduler:pipelines: {p0: " + place.stackChange(value) + "}\n")
                : Stacks.errors(catalog(place.pipeline().replace("VALUE", value), others));

        assertTheOneError(errors, place.path(), place.key(), value, inStackFile);
    }

    @Property(tries = 100)
    void aDefaultsMapValuedKeyHoldingSomethingElseIsOneErrorHoweverManyPipelines(
            @ForAll("defaultMaps") String key, @ForAll("wrongValues") String value, @ForAll boolean inStackFile,
            @ForAll @IntRange(min = 1, max = 4) int pipelines) {
        List<Problem> errors = inStackFile
                ? Stacks.errors(Stacks.pubsubPipelines(pipelines), "cqc-scheduler:defaults: {" + key + ": " + value + "}\n")
                : Stacks.errors("defaults: {" + key + ": " + value + "}\n" + Stacks.pubsubPipelines(pipelines));

        assertTheOneError(errors, "defaults." + key, key, value, inStackFile);
    }

    @Provide
    Arbitrary<String> defaultMaps() {
        return Arbitraries.of(DEFAULT_MAPS);
    }

    @Property(tries = 20)
    void theDefaultsOrAPipelinesChangesThatAreNoMapAreOneError(@ForAll("wrongValues") String value,
                                                               @ForAll @IntRange(min = 1, max = 3) int pipelines) {
        assertTheOneError(Stacks.errors("defaults: " + value + "\n" + Stacks.pubsubPipelines(pipelines)), "defaults",
                "defaults", value, false);
        assertTheOneError(Stacks.errors(Stacks.pubsubPipelines(pipelines), "cqc-scheduler:pipelines: {p0: " + value + "}\n"),
                "pipelines.p0", "is " + WRONG.get(value) + "; expected a map of the settings the stack changes, such as"
                        + " {paused: true}", true);
    }

    @Property(tries = 20)
    void aStackFilesMapValuedSettingThatIsNoMapIsOneErrorNamingTheFile(@ForAll("wrongValues") String value,
                                                                       @ForAll("stackMaps") String key) {
        List<Problem> errors = Stacks.errors(Stacks.pubsubPipelines(1), "cqc-scheduler:" + key + ": " + value + "\n");

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cqc-scheduler:" + key);
            assertThat(p.message()).isEqualTo("in Pulumi.test.yaml is " + WRONG.get(value) + "; expected "
                    + ConfigNode.EXPECTED_MAPS.get(key));
        });
    }

    @Provide
    Arbitrary<String> stackMaps() {
        return Arbitraries.of("defaults", "pipelines", "alerting");
    }

    @Example
    void everyMapValuedKeyIsCoveredHere() {
        List<String> covered = new ArrayList<>(PLACES.stream().map(Place::key).toList());
        covered.addAll(List.of("defaults", "pipelines", "alerting"));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(ConfigNode.EXPECTED_MAPS.keySet());
    }
}
