package com.cqc.scheduler.adopt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOverrideAppenderTest {
    private static final List<String> IDS = List.of("nightly-export", "paused-job");

    @Test
    void addsToTheEndOfAnExistingPipelinesBlockAndKeepsEveryOtherLine() {
        String file = """
                # staging
                config:
                  gcp:project: cqc-ml-staging
                  cqc-scheduler:pipelines:
                    monthly-reports:
                      http:
                        body: {type: monthly}   # staging recipients

                  cqc-scheduler:topicRetention: 3d
                """;

        String out = StackOverrideAppender.disable(file, IDS, "imported for prod");

        assertThat(out).isEqualTo("""
                # staging
                config:
                  gcp:project: cqc-ml-staging
                  cqc-scheduler:pipelines:
                    monthly-reports:
                      http:
                        body: {type: monthly}   # staging recipients
                    # imported for prod
                    nightly-export:
                      enabled: false
                    paused-job:
                      enabled: false

                  cqc-scheduler:topicRetention: 3d
                """);
    }

    @Test
    void addsThePipelinesKeyAtTheEndOfConfigWhenThereIsNone() {
        String file = "config:\n  gcp:project: p\n  gcp:region: europe-west2\n\nencryptionsalt: v1:abc\n";

        String out = StackOverrideAppender.disable(file, List.of("a-job"), "c");

        assertThat(out).isEqualTo("config:\n  gcp:project: p\n  gcp:region: europe-west2\n  cqc-scheduler:pipelines:\n"
                + "    # c\n    a-job:\n      enabled: false\n\nencryptionsalt: v1:abc\n");
    }

    @Test
    void refusesWhatItCannotEditSafely() {
        assertThatThrownBy(() -> StackOverrideAppender.disable("config:\n  cqc-scheduler:pipelines: {}\n", IDS, "c"))
                .hasMessageContaining("written inline");
        assertThatThrownBy(() -> StackOverrideAppender.disable("config:\n  cqc-scheduler:pipelines:\n    paused-job:\n"
                + "      paused: true\n", IDS, "c")).hasMessageContaining("already overrides pipeline 'paused-job'");
        assertThatThrownBy(() -> StackOverrideAppender.disable("environment: dev\n", IDS, "c"))
                .hasMessageContaining("no top-level 'config:'");
    }
}
