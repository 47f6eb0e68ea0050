package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** plan -> the jobs the cloud would hold -> import -> plan: the same jobs. */
class RoundTripTest {
    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void importingWhatAStackCreatedGivesBackTheSameJobs(String stackName) throws Exception {
        StackFile stack = StackFile.read(Path.of("."), StackLoader.PROJECT, stackName);
        StackModel original = new StackLoader(NOW).load(Path.of("."), stack);
        Plan before = Plan.of(original, NOW, 0);
        List<JsonNode> cloud = ExpectedJobs.of(before);

        List<Translation> translations = new Importer(original.settings(), stack, NOW).translate(cloud, Set.of(), "");
        List<Translation.Imported> imported = translations.stream().map(t -> (Translation.Imported) t).toList();
        String catalog = CatalogAppender.append("", Importer.entriesYaml(imported), "round trip");
        StackModel reimported = new StackLoader(NOW).load(catalog, "imported.yaml", stack);
        Plan after = Plan.of(reimported, NOW, 0);

        assertThat(jobs(after)).isEqualTo(jobs(before)).hasSize(10);
        assertThat(Drift.compare(ExpectedJobs.of(after), cloud).clean()).isTrue();
    }

    private static Map<String, Map<String, Object>> jobs(Plan plan) {
        return plan.resources().stream().filter(r -> r.type().equals(ResourceTypes.JOB))
                .collect(Collectors.toMap(PlannedResource::name, PlannedResource::props));
    }
}
