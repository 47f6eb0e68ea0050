package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static com.cqc.scheduler.config.MapValuedKeysTest.assertTheOneError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog is shared, so an error of its text alone (a wrong type such as {@code retry: 3}, an unknown key, a
 * credential) is reported by every stack, whatever the stack file does with the value: leaves it, replaces it
 * ({@code retry: {count: 1}}), removes it ({@code null}) or leaves the pipeline out ({@code enabled: false}). It is
 * one error at the catalog's path, quoting the catalog's value; where the stack's reading did not see it, the
 * message says the catalog holds it.
 */
class CatalogTextErrorsTest {
    /** What the stack file does with the catalog's bad value. */
    enum View { LEAVES, REPLACES, REMOVES, LEAVES_OUT }

    private static final String IN_CATALOG = " [set in pipelines.yaml, which every stack shares]";

    /** The stack file of {@code view}, for p0's value at {@code keys}; {@code valid} what REPLACES writes there. */
    private static String stackFile(View view, MapValuedKeysTest.Place place) {
        String change = switch (view) {
            case LEAVES -> null;
            case REPLACES -> place.stackChange(place.valid());
            case REMOVES -> place.stackChange("null");
            case LEAVES_OUT -> "{enabled: false}";
        };
        return change == null ? "" : "cqc-scheduler:pipelines: {p0: " + change + "}\n";
    }

    /** A map-valued key that a pipeline may lack: removing it leaves a pipeline that loads. */
    private static boolean removable(String key) {
        return List.of("retry", "labels", "headers", "attributes", "routing").contains(key);
    }

    @Provide
    Arbitrary<MapValuedKeysTest.Place> places() {
        return Arbitraries.of(MapValuedKeysTest.PLACES);
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of(MapValuedKeysTest.WRONG.keySet());
    }

    @Property(tries = 300)
    void aCatalogsWrongTypeIsOneErrorForEveryStack(@ForAll("places") MapValuedKeysTest.Place place,
                                                   @ForAll("wrongValues") String value, @ForAll View view,
                                                   @ForAll @IntRange(min = 0, max = 2) int others) {
        Assume.that(view != View.REMOVES || removable(place.key()));
        String catalog = MapValuedKeysTest.catalog(place.pipeline().replace("VALUE", value), others);

        List<Problem> errors = Stacks.errors(catalog, stackFile(view, place));

        assertTheOneError(errors, place.path(), place.key(), value, view == View.LEAVES ? null : IN_CATALOG);
    }

    @Property(tries = 100)
    void aWrongTypeInTheCatalogsDefaultsIsOneErrorWhateverTheStacksDefaults(
            @ForAll("defaultMaps") String key, @ForAll("wrongValues") String value, @ForAll View view,
            @ForAll @IntRange(min = 1, max = 3) int pipelines) {
        Assume.that(view != View.LEAVES_OUT);
        String stack = switch (view) {
            case LEAVES -> "";
            case REPLACES -> "cqc-scheduler:defaults: {" + key + ": " + (key.equals("retry") ? "{count: 1}" : "{team: ml}") + "}\n";
            case REMOVES -> "cqc-scheduler:defaults: {" + key + ": null}\n";
            case LEAVES_OUT -> throw new AssertionError(view);
        };

        List<Problem> errors = Stacks.errors("defaults: {" + key + ": " + value + "}\n" + Stacks.pubsubPipelines(pipelines), stack);

        assertTheOneError(errors, "defaults." + key, key, value, view == View.LEAVES ? null : IN_CATALOG);
    }

    @Provide
    Arbitrary<String> defaultMaps() {
        return Arbitraries.of(MapValuedKeysTest.DEFAULT_MAPS);
    }

    /**
     * Another error of the catalog's text in p0 (a Pub/Sub pipeline): the line, where it is reported and how, the
     * stack's change that replaces the value (null: none can, a map would merge), whether the stack can remove it.
     */
    record TextError(String line, String path, String message, String replacement, boolean removable) {
        @Override
        public String toString() {
            return line;
        }
    }

    private static final List<TextError> TEXT_ERRORS = List.of(
            new TextError("paused: maybe", "pipelines.p0.paused", "'maybe' is not true or false", "{paused: true}", true),
            new TextError("enabled: maybe", "pipelines.p0.enabled", "'maybe' is not true or false", "{enabled: true}", true),
            new TextError("description: [a, b]", "pipelines.p0.description", "is a list '[\"a\",\"b\"]'; expected a single"
                    + " value", "{description: fine}", true),
            new TextError("schedule: {at: 2}", "pipelines.p0.schedule", "is a map '{\"at\":2}'; expected a single value",
                    "{schedule: \"0 3 * * *\"}", false),
            new TextError("retry: {count: many}", "pipelines.p0.retry.count", "'many' is text, not a whole number",
                    "{retry: {count: 2}}", true),
            new TextError("retry: {cuont: 1}", "pipelines.p0.retry.cuont", "unknown setting (did you mean 'count'?)",
                    null, true),
            new TextError("description: 'key AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK'", "pipelines.p0.description",
                    "the value looks like a Google API key ('key [masked]')", "{description: fine}", true));

    @Provide
    Arbitrary<TextError> textErrors() {
        return Arbitraries.of(TEXT_ERRORS);
    }

    @Property(tries = 150)
    void everyErrorOfTheCatalogsTextIsOneErrorForEveryStack(@ForAll("textErrors") TextError error, @ForAll View view,
                                                            @ForAll @IntRange(min = 0, max = 2) int others) {
        Assume.that(view != View.REPLACES || error.replacement() != null);
        Assume.that(view != View.REMOVES || error.removable());
        String change = switch (view) {
            case LEAVES -> null;
            case REPLACES -> error.replacement();
            case REMOVES -> nested(error.path().substring("pipelines.p0.".length()), "null");
            case LEAVES_OUT -> "{enabled: false}";
        };
        String key = error.line().substring(0, error.line().indexOf(':'));
        String catalog = MapValuedKeysTest.catalog(Stacks.PUBSUB.replaceFirst("(?m)^" + key + ": .*\n", "") + error.line()
                + "\n", others);

        List<Problem> errors = Stacks.errors(catalog, change == null ? "" : "cqc-scheduler:pipelines: {p0: " + change + "}\n");

        assertTheOneError(errors, error.path(), error.message(), view == View.LEAVES ? null : IN_CATALOG);
        assertThat(errors.get(0).message()).doesNotContain("AIzaSy");
    }

    /** {@code value} at the dotted {@code keys} as a YAML flow map: {@code {retry: {count: null}}}. */
    private static String nested(String keys, String value) {
        String out = value;
        List<String> parts = List.of(keys.split("\\."));
        for (int i = parts.size() - 1; i >= 0; i--) {
            out = "{" + parts.get(i) + ": " + out + "}";
        }
        return out;
    }

    @Property(tries = 30)
    void aPipelineTheCatalogItselfLeavesOutStillHasItsTextErrorsReported(@ForAll("places") MapValuedKeysTest.Place place,
                                                                      @ForAll("wrongValues") String value) {
        String catalog = MapValuedKeysTest.catalog(place.pipeline().replace("VALUE", value) + "enabled: false\n", 1);

        assertTheOneError(Stacks.errors(catalog, ""), place.path(), place.key(), value, IN_CATALOG);
        String sound = MapValuedKeysTest.catalog(place.pipeline().replace("VALUE", place.valid()) + "enabled: false\n", 1);
        assertThat(Stacks.load(sound, "").pipelines()).as("a sound pipeline left out is just left out").hasSize(1);
    }
}
