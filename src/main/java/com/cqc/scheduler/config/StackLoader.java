package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.StackSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one loader: the pipeline catalog plus one stack's config becomes a validated {@link StackModel},
 * or a {@link ConfigException} with every error at once. {@code pulumi up}, the offline commands and the
 * tests all come through here; nothing is registered before it returns.
 *
 * <p>In order: the catalog and the stack's overrides merge ({@link CatalogMerge} states the rules), the
 * stack's settings are read ({@link StackSettingsReader}), the defaults once ({@link DefaultsReader}), each enabled
 * pipeline ({@link PipelineReader}), then the shared catalog's own text errors that this stack's changes hid
 * ({@link CatalogTextErrors}), and the checks across pipelines run last ({@link StackWideChecks}).
 */
public final class StackLoader {
    /** The Pulumi project: its config namespace ({@code cqc-scheduler:KEY}) and the middle of every URN. */
    public static final String PROJECT = "cqc-scheduler";
    public static final String DEFAULT_CATALOG = "pipelines.yaml";

    private final Instant now;

    /** @param now the instant DST hazards are looked for from (one year ahead) */
    public StackLoader(Instant now) {
        this.now = now;
    }

    /** Loads a stack whose catalog is a file of the project (by default {@value #DEFAULT_CATALOG}). */
    public StackModel load(Path projectDir, ConfigSource config) throws ConfigException {
        String name = config.get(PROJECT + ":catalog").orElse(DEFAULT_CATALOG);
        Path file = projectDir.resolve(name);
        try {
            return load(YamlReader.readFile(file, name), name, config);
        } catch (IOException e) {
            throw ConfigException.of(PROJECT + ":catalog", "cannot read the pipeline catalog " + file.toAbsolutePath()
                    .normalize() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Loads a stack from the catalog text and the stack's config. */
    public StackModel load(String catalogYaml, String catalogOrigin, ConfigSource config) throws ConfigException {
        CatalogMerge catalog = CatalogMerge.read(catalogYaml, catalogOrigin, config);
        Problems problems = new Problems(catalog.stackPaths(), config.origin());
        catalog.checkRoot(problems);
        StackSettings settings = StackSettingsReader.read(config, problems);
        PipelineReader reader = new PipelineReader(now, settings, DefaultsReader.read(catalog.defaults(problems), problems),
                problems);
        catalog.checkPipelines(problems);
        List<Pipeline> pipelines = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (String id : catalog.ids()) {
            Optional<ConfigNode> entry = catalog.pipeline(id, problems).filter(e -> e.bool("enabled").orElse(true));
            if (entry.isPresent()) {
                read.add(id);
                reader.read(id, entry.get()).ifPresent(pipelines::add);
            }
        }
        CatalogTextErrors.report(catalog, read, now, settings, problems);
        StackWideChecks.check(pipelines, problems);
        if (problems.hasErrors()) {
            throw new ConfigException(problems.all());
        }
        return new StackModel(settings, pipelines, problems.warnings());
    }
}
