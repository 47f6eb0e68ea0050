package com.cqc.scheduler;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule book (docs/rules.md, docs/pitfalls.md) and the rule ids the repository cites stay in step:
 * every id cited is defined, every id defined is cited by code or a test unless its entry says
 * "Not checked:", and nothing sends a reader outside the repository for its rules.
 */
class RuleBookTest {
    private static final Path RULES = Path.of("docs", "rules.md");
    private static final Path PITFALLS = Path.of("docs", "pitfalls.md");
    /** Where code and tests live: a citation here counts as enforcing the rule. */
    private static final List<Path> CODE = List.of(Path.of("src"), Path.of("policies", "src"), Path.of("policies", "test"));
    /** Where prose cites rules too: these citations must be defined, but enforce nothing. */
    private static final List<Path> PROSE = List.of(Path.of("docs"), Path.of("README.md"), Path.of("policies", "README.md"),
            Path.of("pipelines.yaml"), Path.of("testdata"));
    private static final Set<String> EXTENSIONS = Set.of("java", "ts", "md", "yaml", "yml", "json");
    /** Data, not citations (base64 bodies can contain "P12"), and this test's own examples. */
    private static final List<Path> SKIPPED = List.of(Path.of("policies", "test", "fixtures"),
            Path.of("src", "test", "java", "com", "cqc", "scheduler", "RuleBookTest.java"), RULES, PITFALLS);

    private static final Pattern ID = Pattern.compile("(?<![\\w.])(R\\d{1,2}\\.\\d{1,2}|P\\d{1,2})(?!\\w)");
    /** PitfallsTest names its tests after the pitfall: {@code p3_p10_headersNever...}. */
    private static final Pattern TEST_NAME_ID = Pattern.compile("(?<![a-z0-9])p(\\d{1,2})_");
    private static final Pattern DEFINITION = Pattern.compile("^### (R\\d{1,2}\\.\\d{1,2}|P\\d{1,2}) \\S.*$");
    /** Names of the documents the rules came from before the repository had its own rule book. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "shared/docs|cloud-scheduler-rules\\.md|provider-pitfalls\\.md|\\b(design|policies|style|performance)\\.md\\b");

    record Entry(String id, String text) {
        boolean notChecked() {
            return text.lines().anyMatch(l -> l.startsWith("Not checked:"));
        }

        boolean hasSource() {
            return text.lines().anyMatch(l -> l.matches("Source: \\S.*"));
        }
    }

    @Test
    void citationsAreFoundInTheirUsualForms() {
        assertThat(ids("R2.2-R2.7, P3/P10 and (R4.4, P1). R10.5; not R2, SHAP1, 1.R2.3, P1x, v1.P2"))
                .containsExactly("R2.2", "R2.7", "P3", "P10", "R4.4", "P1", "R10.5");
        assertThat(ids("void p3_p10_headers() {} void p12_names() {} // not up1_ or p1x_"))
                .containsExactly("P3", "P10", "P12");
    }

    @Test
    void everyCitedIdIsDefined() {
        Map<String, Entry> book = book();
        Map<String, String> cited = citations(Stream.concat(CODE.stream(), PROSE.stream()).toList());

        Map<String, String> undefined = new TreeMap<>(cited);
        undefined.keySet().removeAll(book.keySet());

        assertThat(undefined).as("ids cited (first place shown) but defined in neither %s nor %s", RULES, PITFALLS).isEmpty();
    }

    @Test
    void everyDefinedIdIsEnforcedByCodeOrATestOrSaysWhyNot() {
        Set<String> enforced = citations(CODE).keySet();

        List<String> idle = book().values().stream()
                .filter(e -> !enforced.contains(e.id()) && !e.notChecked())
                .map(Entry::id).toList();

        assertThat(idle).as("defined, cited by no code or test under %s, and no 'Not checked:' line says why", CODE).isEmpty();
    }

    @Test
    void everyDefinitionSaysWhereTheRuleComesFromOnce() {
        List<String> headings = new ArrayList<>();
        for (Path file : List.of(RULES, PITFALLS)) {
            read(file).lines().map(DEFINITION::matcher).filter(Matcher::matches).forEach(m -> headings.add(m.group(1)));
        }
        Map<String, Entry> book = book();

        assertThat(headings).as("each id defined once").doesNotHaveDuplicates().hasSameSizeAs(book.keySet());
        assertThat(book.values().stream().filter(e -> !e.hasSource()).map(Entry::id)).as("entries without a 'Source:' line").isEmpty();
        assertThat(book.keySet()).filteredOn(id -> id.startsWith("R")).contains("R1.1", "R2.2", "R9.6", "R11.1");
        assertThat(book.keySet()).filteredOn(id -> id.startsWith("P")).contains("P1", "P13", "P17");
        assertThat(book.keySet()).allMatch(id -> id.startsWith("R") ? rulesOf(RULES).contains(id) : rulesOf(PITFALLS).contains(id),
                "R ids in rules.md, P ids in pitfalls.md");
    }

    @Test
    void nothingSendsTheReaderOutsideTheRepositoryForItsRules() {
        Map<String, String> pointers = new TreeMap<>();
        for (Path file : files(Stream.concat(CODE.stream(), PROSE.stream()).toList())) {
            if (file.endsWith("RuleBookTest.java")) {
                continue;
            }
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE.matcher(lines.get(i)).find()) {
                    pointers.put(file + ":" + (i + 1), lines.get(i).strip());
                }
            }
        }
        for (Path file : List.of(RULES, PITFALLS)) {
            if (OUTSIDE.matcher(read(file)).find()) {
                pointers.put(file.toString(), "points outside the repository");
            }
        }

        assertThat(pointers).as("lines that point to documents outside the repository; cite docs/rules.md or docs/pitfalls.md").isEmpty();
    }

    /** Rule id to its entry, from both books. */
    private static Map<String, Entry> book() {
        Map<String, Entry> book = new LinkedHashMap<>();
        for (Path file : List.of(RULES, PITFALLS)) {
            String id = null;
            StringBuilder text = new StringBuilder();
            for (String line : (read(file) + "\n## end").lines().toList()) {
                Matcher m = DEFINITION.matcher(line);
                if (m.matches() || line.startsWith("## ")) {
                    if (id != null) {
                        book.put(id, new Entry(id, text.toString()));
                    }
                    id = m.matches() ? m.group(1) : null;
                    text.setLength(0);
                } else if (id != null) {
                    text.append(line).append('\n');
                }
            }
        }
        return book;
    }

    private static Set<String> rulesOf(Path file) {
        Set<String> ids = new TreeSet<>();
        read(file).lines().map(DEFINITION::matcher).filter(Matcher::matches).forEach(m -> ids.add(m.group(1)));
        return ids;
    }

    /** Cited id to the first place that cites it ("file:line"). */
    private static Map<String, String> citations(List<Path> roots) {
        Map<String, String> cited = new TreeMap<>();
        for (Path file : files(roots)) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (String id : ids(lines.get(i))) {
                    cited.putIfAbsent(id, file + ":" + (i + 1));
                }
            }
        }
        return cited;
    }

    private static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        Matcher t = TEST_NAME_ID.matcher(text);
        while (t.find()) {
            ids.add("P" + t.group(1));
        }
        return ids;
    }

    private static List<Path> files(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> EXTENSIONS.contains(extension(p)))
                        .filter(p -> SKIPPED.stream().noneMatch(p::startsWith))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("files under %s", roots).isNotEmpty();
        return files;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
