package com.cqc.scheduler.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Property(tries = 500)
    void isAlwaysOneLineWhateverItEchoes(@ForAll String path, @ForAll String echoed) {
        Problem p = Problem.error(path, "'" + echoed + "' is not a location id such as europe-west2", "R1.4");

        assertThat(p.toString().lines()).hasSize(1);
        assertThat(p.toString()).doesNotContainPattern("\\p{Cc}");
    }

    @Property(tries = 200)
    void textWithoutControlCharactersIsKeptAsWritten(@ForAll String text) {
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(Problem.warning("labels.team", printable, null).message()).isEqualTo(printable);
    }

    @Test
    void lineBreaksAndOtherControlsAreShownEscaped() {
        Problem p = Problem.error("cqc-scheduler:appEngineRegion", "'europe-west2\n-\t\u0007' in Pulumi.dev.yaml is not a location id", "R1.4");

        assertThat(p).hasToString("cqc-scheduler:appEngineRegion: 'europe-west2\\n-\\t\\u0007' in Pulumi.dev.yaml is not a location id (R1.4)");
    }
}
