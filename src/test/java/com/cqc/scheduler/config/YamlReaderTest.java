package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.model.Target;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML is read as YAML means it (anchors, merges, types) or refused with one line: file:line:column. */
class YamlReaderTest {
    @TempDir
    Path dir;

    private static Problem onlyProblem(String yaml) {
        try {
            YamlReader.read(yaml, "pipelines.yaml");
        } catch (ConfigException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).toString().lines()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected an error for:\n" + yaml);
    }

    @Test
    void anAliasIsWhatItsAnchorPointsAt() throws Exception {
        JsonNode root = YamlReader.read("""
                shared: &body {model: cqc, version: 3}
                name: &n weekly
                job: {body: *body, title: *n}
                """, "pipelines.yaml");

        assertThat(root.get("job").get("body").toString()).isEqualTo("{\"model\":\"cqc\",\"version\":3}");
        assertThat(root.get("job").get("title").asText()).isEqualTo("weekly");
    }

    @Test
    void anAliasedBodyIsSentAsTheAnchorsJson() {
        String catalog = """
                pipelines:
                  first:
                    schedule: "0 3 * * *"
                    http: &target
                      url: https://svc-${projectNumber}.${region}.run.app/x
                      body: &payload {model: cqc-classifier, version: auto}
                      auth: oidc
                      invoker: {cloudRunService: svc}
                  second:
                    schedule: "0 4 * * *"
                    http:
                      <<: *target
                      body: {wrapped: *payload}
                """;
        StackModel model = Stacks.load(catalog, "");

        Target.Http first = (Target.Http) model.pipelines().get(0).target();
        Target.Http second = (Target.Http) model.pipelines().get(1).target();
        assertThat(first.body()).get().extracting(b -> b.text()).isEqualTo("{\"model\":\"cqc-classifier\",\"version\":\"auto\"}");
        assertThat(second.body()).get().extracting(b -> b.text())
                .isEqualTo("{\"wrapped\":{\"model\":\"cqc-classifier\",\"version\":\"auto\"}}");
        assertThat(second.uri()).isEqualTo(first.uri());
    }

    @Test
    void mergeKeysMergeAndTheMapsOwnKeysWin() throws Exception {
        JsonNode root = YamlReader.read("""
                base: &base {count: 3, minBackoff: 30s}
                retry:
                  <<: *base
                  count: 1
                """, "pipelines.yaml");

        assertThat(root.get("retry").toString()).isEqualTo("{\"count\":1,\"minBackoff\":\"30s\"}");
    }

    @Test
    void anAliasBombFailsWithOneLine() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        Problem p = onlyProblem(yaml.toString());

        assertThat(p.path()).matches("pipelines\\.yaml:\\d+:\\d+");
        assertThat(p.message()).startsWith("aliases expand to more than ").contains("alias bomb");
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRefused() {
        Problem p = onlyProblem("a: &loop\n  b: *loop\n");

        assertThat(p.toString()).isEqualTo("pipelines.yaml:1:4: an alias at a.b refers to a map or list that contains it;"
                + " YAML cannot expand that");
    }

    @Test
    void aKeyGivenTwiceNamesTheKeyAndBothLines() {
        Problem p = onlyProblem("""
                pipelines:
                  daily:
                    schedule: "0 3 * * *"
                    paused: false
                    schedule: "0 4 * * *"
                """);

        assertThat(p.toString()).isEqualTo("pipelines.yaml:5:5: the key 'schedule' is given twice in pipelines.daily"
                + " (lines 3 and 5); YAML would silently keep one, so remove the other");
    }

    @Test
    void aKeyGivenTwiceAtTheTopIsAnErrorToo() {
        assertThat(onlyProblem("pipelines: {}\npipelines: {}\n").message()).contains("'pipelines' is given twice in the top-level map (lines 1 and 2)");
    }

    @Test
    void aLargeValidCatalogIsRead() throws Exception {
        StringBuilder yaml = new StringBuilder("pipelines:\n");
        int n = 0;
        while (yaml.length() < 4_000_000) {   // above SnakeYAML's default 3 MB cap
            yaml.append("  job-").append(n++).append(":\n    description: ").append("x".repeat(200)).append('\n');
        }

        JsonNode root = YamlReader.read(yaml.toString(), "pipelines.yaml");

        assertThat(root.get("pipelines").size()).isEqualTo(n);
    }

    @Test
    void aFileThatIsNotUtf8GetsLineAndColumnOfTheBadByte() throws Exception {
        Path file = dir.resolve("pipelines.yaml");
        Files.write(file, "pipelines:\n  p:\n    description: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> YamlReader.readFile(file, "pipelines.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipelines.yaml:3:21: found the byte 0xE9, which is not UTF-8 text; expected a UTF-8 file");
    }

    @Test
    void anAliasBeforeItsAnchorSaysSo() {
        assertThat(onlyProblem("a: *b\nc: &b 1\n").toString())
                .isEqualTo("pipelines.yaml:1:4: is not valid YAML: found the alias *b before (or without) its anchor &b;"
                        + " an anchor must come first");
    }

    @Test
    void aTabIsNamedInOneLine() {
        assertThat(onlyProblem("pipelines:\n\tp: {}\n").toString())
                .isEqualTo("pipelines.yaml:2:1: is not valid YAML: found a tab; YAML indents with spaces only");
    }

    @Test
    void aColonInAPlainValueSaysWhatWasFound() {
        assertThat(onlyProblem("pipelines:\n  p:\n    description: run: now\n").toString())
                .startsWith("pipelines.yaml:3:21: is not valid YAML: found ':' where a value continues");
    }

    @Test
    void onlyTrueAndFalseAreBooleansAndQuotesKeepText() throws Exception {
        JsonNode root = YamlReader.read("a: yes\nb: true\nc: \"3\"\nd: 3\ne: ~\nf: 2026-01-01\ng: !!str 12\n", "x.yaml");

        assertThat(root.get("a").isTextual()).isTrue();
        assertThat(root.get("b").isBoolean()).isTrue();
        assertThat(root.get("c").isTextual()).isTrue();
        assertThat(root.get("d").isIntegralNumber()).isTrue();
        assertThat(root.get("e").isNull()).isTrue();
        assertThat(root.get("f").asText()).isEqualTo("2026-01-01");
        assertThat(root.get("g").isTextual()).isTrue();
    }

    @Test
    void aCatalogThatIsAListSaysSo() {
        List<Problem> errors = Stacks.errors("- a\n- b\n", "");

        assertThat(errors).extracting(Problem::toString)
                .containsExactly("pipelines.yaml: is a list; expected a YAML map with 'pipelines:'");
    }
}
