package com.cqc.scheduler.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSourceTest {

    @Test
    void withGetAnswersOnlyGetAnewAndKeepsTheStackOriginAndSecrets() throws Exception {
        StackFile file = StackFile.parse("dev", "Pulumi.dev.yaml", "cqc-scheduler", """
                config:
                  gcp:project: cqc-ml-dev
                  cqc-scheduler:pipelines: {a: {paused: true}}
                  cqc-scheduler:oncallToken:
                    secure: v1:AAAABBBBCCCC
                """);

        ConfigSource hiding = file.withGet(key -> key.endsWith(":pipelines") ? Optional.empty() : file.get(key));

        assertThat(hiding.get("cqc-scheduler:pipelines")).isEmpty();
        assertThat(hiding.get("gcp:project")).contains("cqc-ml-dev");
        assertThat(hiding.stackName()).isEqualTo("dev");
        assertThat(hiding.origin()).isEqualTo("Pulumi.dev.yaml");
        assertThat(hiding.isSecret("cqc-scheduler:oncallToken")).isTrue();
        assertThat(hiding.isSecret("gcp:project")).isFalse();
    }
}
