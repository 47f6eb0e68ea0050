package com.cqc.scheduler.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackFileTest {
    @TempDir
    Path dir;

    @Test
    void readsKeysTheWayPulumiHandsThemToAProgram() throws Exception {
        StackFile file = StackFile.parse("dev", "Pulumi.dev.yaml", "cqc-scheduler", """
                config:
                  gcp:project: cqc-ml-dev
                  environment: dev
                  cqc-scheduler:pipelines:
                    a: {paused: true}
                  cqc-scheduler:oncallToken:
                    secure: v1:AAAABBBBCCCC
                """);

        assertThat(file.get("gcp:project")).contains("cqc-ml-dev");
        assertThat(file.get("cqc-scheduler:environment")).contains("dev");
        assertThat(file.get("cqc-scheduler:pipelines")).contains("{\"a\":{\"paused\":true}}");
        assertThat(file.get("cqc-scheduler:oncallToken")).contains("[secret]");
        assertThat(file.isSecret("cqc-scheduler:oncallToken")).isTrue();
        assertThat(file.isSecret("gcp:project")).isFalse();
    }

    @Test
    void aMissingStackFileSaysWhichFileAndWhere() {
        assertThatThrownBy(() -> StackFile.read(dir, "cqc-scheduler", "qa"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stack: 'qa' has no stack file Pulumi.qa.yaml in " + dir.toAbsolutePath());
    }

    @Test
    void malformedYamlGivesTheLine() {
        assertThatThrownBy(() -> StackFile.parse("dev", "Pulumi.dev.yaml", "cqc-scheduler", "config:\n  a: [1, 2\n  b: 3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Pulumi.dev.yaml:3:4: is not valid YAML: expected ',' or ']', but found ':'");
    }

    @Test
    void aFileWithoutConfigIsRejected() {
        assertThatThrownBy(() -> StackFile.parse("dev", "Pulumi.dev.yaml", "cqc-scheduler", "encryptionsalt: abc\n"))
                .hasMessageContaining("Pulumi.dev.yaml: has no 'config:' key; expected a map under 'config:'");
    }
}
