package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Builds small catalogs and stack files for loader tests (and the plan tests of other packages). */
public final class Stacks {
    public static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
    static final String STACK = """
            config:
              gcp:project: cqc-ml-test
              gcp:region: europe-west2
              cqc-scheduler:projectNumber: "123456789012"
              cqc-scheduler:environment: test
              cqc-scheduler:appEngineRegion: europe-west2
            """;

    private Stacks() {}

    /** A catalog with one pipeline {@code p} whose body (indented under it) is given. */
    static String catalog(String pipelineBody) {
        return "pipelines:\n  p:\n" + pipelineBody.stripIndent().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    }

    public static StackFile stack(String extra) {
        try {
            // A key the test sets replaces the base's line: a key given twice is an error of its own.
            String own = extra.stripIndent();
            java.util.Set<String> keys = own.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .map(l -> l.split(":(\\s|$)")[0])
                    .collect(java.util.stream.Collectors.toSet());
            String base = STACK.lines().filter(l -> keys.stream().noneMatch(k -> l.strip().startsWith(k + ":")))
                    .reduce("", (a, b) -> a + b + "\n");
            return StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, base + own.indent(2));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static StackModel load(String catalog, String stackExtra) {
        try {
            return new StackLoader(NOW).load(catalog, "pipelines.yaml", stack(stackExtra));
        } catch (ConfigException e) {
            return fail("expected a valid stack, got:\n" + e.getMessage());
        }
    }

    static Pipeline only(String catalog) {
        return load(catalog, "").pipelines().get(0);
    }

    static List<Problem> errors(String catalog, String stackExtra) {
        ConfigException[] thrown = new ConfigException[1];
        assertThatThrownBy(() -> {
            try {
                new StackLoader(NOW).load(catalog, "pipelines.yaml", stack(stackExtra));
            } catch (ConfigException e) {
                thrown[0] = e;
                throw e;
            }
        }).isInstanceOf(ConfigException.class);
        return thrown[0].problems().stream().filter(Problem::isError).toList();
    }

    /** A catalog of {@code count} Pub/Sub pipelines p0, p1, ..., each with a topic of its own. */
    static String pubsubPipelines(int count) {
        StringBuilder out = new StringBuilder("pipelines:\n");
        for (int i = 0; i < count; i++) {
            out.append("  p").append(i).append(":\n").append(PUBSUB.replace("ingest", "ingest-" + i).indent(4));
        }
        return out.toString();
    }

    static List<Problem> errors(String catalog) {
        return errors(catalog, "");
    }

    static List<Problem> warnings(String catalog) {
        return load(catalog, "").warnings();
    }

    static final String PUBSUB = """
            schedule: "0 2 * * *"
            pubsub:
              topic: ingest
              data: hello
            """;

    static final String HTTP = """
            schedule: "0 3 * * *"
            http:
              url: https://svc-123456789012.europe-west2.run.app/run
              body: {a: 1}
              auth: oidc
              invoker: {cloudRunService: svc}
            """;
}
