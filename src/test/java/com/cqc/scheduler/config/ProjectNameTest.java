package com.cqc.scheduler.config;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's name has one home in the code ({@link StackLoader#PROJECT}: the config namespace and the
 * middle of every URN); the Pulumi CLI takes it from Pulumi.yaml, so the two must agree.
 */
class ProjectNameTest {
    @Test
    void theCodesProjectNameIsPulumiYamls() throws Exception {
        String name = new YAMLMapper().readTree(Path.of("Pulumi.yaml").toFile()).path("name").asText();

        assertThat(StackLoader.PROJECT).isEqualTo(name).isEqualTo("cqc-scheduler");
    }
}
