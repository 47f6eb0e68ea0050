package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelt key in the defaults, the catalog's or a stack file's ({@code cqc-scheduler:defaults}), at any depth
 * the defaults have: one error however many pipelines the defaults reach, at the key's path under
 * {@code defaults}, with what was meant, naming the stack file when the key is written there.
 */
class DefaultsTyposTest {
    /** A key of the defaults (under {@code retry.} when nested) and a value it takes. */
    private static final Map<String, String> KEYS = Map.of("timeZone", "Etc/UTC", "attemptDeadline", "60s",
            "labels", "{team: ml}", "retry", "{count: 1}", "retry.count", "1", "retry.maxRetryDuration", "0s",
            "retry.minBackoff", "5s", "retry.maxBackoff", "1h", "retry.maxDoublings", "3");

    /** A misspelling of one of the keys and the key it was meant to be. */
    record Typo(String key, String written) {
        String parent() {
            return key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : "";
        }

        String leaf() {
            return key.substring(parent().length());
        }

        /** The defaults as a YAML flow map holding the misspelt key. */
        String defaults() {
            String entry = written + ": " + KEYS.get(key);
            return parent().isEmpty() ? "{" + entry + "}" : "{retry: {" + entry + "}}";
        }
    }

    /** Every misspelling one slip away: a letter dropped, two neighbours swapped, the key in lower case. */
    private static List<String> misspellings(String leaf) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < leaf.length(); i++) {
            out.add(leaf.substring(0, i) + leaf.substring(i + 1));
            if (i + 1 < leaf.length()) {
                out.add(leaf.substring(0, i) + leaf.charAt(i + 1) + leaf.charAt(i) + leaf.substring(i + 2));
            }
        }
        out.add(leaf.toLowerCase(Locale.ROOT));
        out.remove(leaf);
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<Typo> typos() {
        return Arbitraries.of(KEYS.keySet().stream().sorted().toList()).flatMap(key ->
                Arbitraries.of(misspellings(key.substring(key.indexOf('.') + 1))).map(written -> new Typo(key, written)));
    }

    @Provide
    Arbitrary<Typo> retryTypos() {
        return typos().filter(t -> !t.parent().isEmpty());
    }

    @Provide
    Arbitrary<Boolean> inStackFile() {
        return Arbitraries.of(true, false);
    }

    @Property(tries = 300)
    void aMisspeltDefaultIsOneErrorAtItsPathWithWhatWasMeant(@ForAll("typos") Typo typo,
                                                              @ForAll @IntRange(min = 1, max = 4) int pipelines,
                                                              @ForAll("inStackFile") boolean inStackFile) {
        List<Problem> errors = inStackFile
                ? Stacks.errors(Stacks.pubsubPipelines(pipelines), "cqc-scheduler:defaults: " + typo.defaults() + "\n")
                : Stacks.errors("defaults: " + typo.defaults() + "\n" + Stacks.pubsubPipelines(pipelines));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("defaults." + typo.parent() + typo.written());
            assertThat(p.message()).startsWith("unknown setting (did you mean '" + typo.leaf() + "'?)");
            if (inStackFile) {
                assertThat(p.message()).endsWith("[set in Pulumi.test.yaml]");
            } else {
                assertThat(p.message()).doesNotContain("Pulumi.test.yaml");
            }
        });
    }

    @Property(tries = 50)
    void aMisspeltRetryKeyOfAPipelineStaysAtThatPipeline(@ForAll("retryTypos") Typo typo,
                                                         @ForAll @IntRange(min = 1, max = 3) int pipelines) {
        String catalog = Stacks.pubsubPipelines(pipelines).replace("  p0:\n", "  p0:\n    retry: {" + typo.written() + ": "
                + KEYS.get(typo.key()) + "}\n");

        assertThat(Stacks.errors(catalog)).extracting(Problem::path).containsExactly("pipelines.p0.retry." + typo.written());
    }
}
