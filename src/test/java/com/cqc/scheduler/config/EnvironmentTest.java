package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's {@code environment} becomes every pipeline's {@code environment} label, so it must be a label
 * value; one that is not is one error at {@code cqc-scheduler:environment}, however many pipelines carry it.
 */
class EnvironmentTest {

    /** Not label values: capitals, dots, spaces, slashes, empty, or longer than 63 characters (no digits: never masked). */
    @Provide
    Arbitrary<String> badEnvironments() {
        Arbitrary<String> badCharacters = Arbitraries.strings().withChars("abcXYZ_-. /").ofMinLength(0).ofMaxLength(20)
                .filter(v -> !Labels.VALUE.matcher(v).matches() || v.isEmpty());
        Arbitrary<String> tooLong = Arbitraries.strings().withChars("xyz09_-").ofMinLength(64).ofMaxLength(90);
        return Arbitraries.oneOf(badCharacters, tooLong);
    }

    @Property(tries = 200)
    void aBadEnvironmentIsOneErrorAtItsPath(@ForAll("badEnvironments") String environment,
                                            @ForAll @IntRange(min = 1, max = 4) int pipelines) {
        List<Problem> errors = Stacks.errors(Stacks.pubsubPipelines(pipelines), "cqc-scheduler:environment: \"" + environment + "\"\n");

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("cqc-scheduler:environment");
            assertThat(p.message()).startsWith("'" + environment + "' in Pulumi.test.yaml is not a label value:")
                    .contains("1 to 63 lowercase letters, digits, _ and -");
        });
    }
}
