package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated catalogs and stack files, valid and broken: the loader never lets an exception other than
 * its own escape, every error names a config path (or file:line:column), every valid catalog loads and
 * plans on the mock engine, and one mistake gives one error.
 */
class CatalogPropertiesTest {
    /**
     * A config path ({@code pipelines.p.http.url}, {@code gcp:region}, a top-level key of the catalog as
     * written) or a place in a file ({@code pipelines.yaml:3:5}).
     */
    private static final Pattern WHERE = Pattern.compile("[^\\s].*");
    private static final String STACK = Stacks.STACK;

    /** One pipeline entry, as YAML lines under its id (4 spaces in). */
    record Entry(String id, String yaml) {}

    @Provide
    Arbitrary<String> crons() {
        Arbitrary<String> minute = Arbitraries.of("0", "*", "*/5", "15", "0-30/10", "5,35", "H", "H(0-29)");
        Arbitrary<String> hour = Arbitraries.of("*", "3", "9-17", "*/3", "0-23/2", "1,13", "H");
        Arbitrary<String> dom = Arbitraries.of("*", "1", "1,15", "10-20", "*/7", "28");
        Arbitrary<String> month = Arbitraries.of("*", "1", "JAN", "JAN-JUN", "*/3", "1,2,5,6", "DEC");
        Arbitrary<String> dow = Arbitraries.of("*", "0", "7", "1-5", "MON", "MON-FRI", "SUN", "SAT,SUN", "1-5/2", "SUN-WED");
        return Combinators.combine(minute, hour, dom, month, dow).as((a, b, c, d, e) -> a + " " + b + " " + c + " " + d + " " + e);
    }

    private Arbitrary<String> targets() {
        Arbitrary<String> http = Combinators.combine(Arbitraries.of("POST", "PUT", "PATCH", "GET", "DELETE", "HEAD", "OPTIONS"),
                Arbitraries.of("15s", "180s", "30m", "1800s", "")).as((method, deadline) -> {
                    boolean body = List.of("POST", "PUT", "PATCH").contains(method);
                    return (deadline.isEmpty() ? "" : "attemptDeadline: " + deadline + "\n")
                            + "http:\n  url: https://svc-${projectNumber}.${region}.run.app/run\n  method: " + method + "\n"
                            + (body ? "  body: {model: cqc, n: 1}\n" : "") + "  auth: oidc\n  invoker: {cloudRunService: svc}\n";
                });
        Arbitrary<String> pubsub = Arbitraries.of("data: hello", "attributes: {kind: daily}", "data: {a: [1, 2]}")
                .map(m -> "pubsub:\n  topic: TOPIC\n  " + m + "\n");
        Arbitrary<String> appEngine = Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD"),
                Arbitraries.of("15s", "1h", "24h", "24h15s")).as((method, deadline) -> "attemptDeadline: " + deadline
                + "\nappEngine:\n  relativeUri: /tasks/run\n  method: " + method + "\n  routing: {service: web, version: prod}\n");
        return Arbitraries.oneOf(http, pubsub, appEngine);
    }

    /** maxDoublings starts at 1: the loader refuses a zero (P15), and these catalogs must be valid. */
    private Arbitrary<String> retries() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 16),
                        Arbitraries.of("1s", "5s", "30s", "10m"), Arbitraries.of("0s", "10s", "1h"))
                .as((count, doublings, min, maxRetry) -> "retry: {count: " + count + ", maxDoublings: " + doublings
                        + ", minBackoff: " + min + ", maxBackoff: 1h, maxRetryDuration: " + maxRetry + "}\n");
    }

    @Provide
    Arbitrary<List<Entry>> validCatalogs() {
        Arbitrary<Entry> entry = Combinators.combine(crons(), Arbitraries.of("Etc/UTC", "UTC", "America/New_York", "Asia/Tokyo",
                        "Europe/London"), targets(), retries(), Arbitraries.of(true, false))
                .as((cron, zone, target, retry, paused) -> new Entry("", "schedule: \"" + cron + "\"\ntimeZone: " + zone + "\n"
                        + target + retry + "paused: " + paused + "\n"));
        return entry.list().ofMinSize(1).ofMaxSize(4).map(entries -> {
            List<Entry> named = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                named.add(new Entry("job-" + i, entries.get(i).yaml().replace("TOPIC", "topic-" + i)));
            }
            return named;
        });
    }

    static String catalog(List<Entry> entries) {
        StringBuilder out = new StringBuilder("defaults:\n  attemptDeadline: 180s\npipelines:\n");
        for (Entry e : entries) {
            out.append("  ").append(e.id()).append(":\n").append(e.yaml().indent(4));
        }
        return out.toString();
    }

    /** One mistake each: the kinds of broken input a user writes, applied to a valid catalog's first entry. */
    @Provide
    Arbitrary<UnaryOperator<String>> mistakes() {
        return Arbitraries.of(List.of(
                c -> c.replaceFirst("schedule: \"[^\"]*\"", "schedule: \"61 * * * *\""),
                c -> c.replaceFirst("schedule: \"[^\"]*\"", "schedule: \"0 0 * * 8\""),
                c -> c.replaceFirst("schedule: \"[^\"]*\"", "schedule: \"0 0 L * *\""),
                c -> c.replaceFirst("schedule: \"[^\"]*\"", "schedule: \"@daily\""),
                c -> c.replaceFirst("schedule: \"[^\"]*\"", "schedule: [\"0 0 * * *\"]"),
                c -> c.replaceFirst("schedule:", "shedule:"),
                c -> c.replaceFirst("timeZone: [^\\n]*", "timeZone: Europe/Londn"),
                c -> c.replaceFirst("retry: \\{count: \\d", "retry: {count: 9"),
                c -> c.replaceFirst("retry: \\{count: \\d", "retry: {cout: 3"),
                c -> c.replaceFirst("retry: \\{count: \\d", "retry: {count: many"),
                c -> c.replaceFirst("paused: (true|false)", "paused: yes"),
                c -> c.replaceFirst("paused: (true|false)", "paused: false\n    paused: true"),
                c -> c.replaceFirst("paused: (true|false)", "labels: [a, b]"),
                c -> c.replaceFirst("paused: (true|false)", "description: " + "x".repeat(501)),
                c -> c.replaceFirst("(?m)^  job-0:\\n", "  job-0: [oops]\n  job-zz:\n"),
                c -> c.replaceFirst("pipelines:\\n", "pipelines:\n\t"),
                c -> c.replaceFirst("pipelines:\\n", "pipelines: [unclosed\n"),
                c -> c.replaceFirst("defaults:", "defaults: *nowhere\nx:"),
                c -> c + "  job-0:\n    schedule: \"0 0 * * *\"\n"));
    }

    private static List<Problem> errors(String catalog, String stackText) {
        try {
            StackFile stack = StackFile.parse("test", "Pulumi.test.yaml", StackLoader.PROJECT, stackText);
            new StackLoader(Stacks.NOW).load(catalog, "pipelines.yaml", stack);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().filter(Problem::isError).toList();
        } catch (RuntimeException | StackOverflowError e) {
            return fail("an exception escaped the loader for:\n" + catalog + "\n" + stackText, e);
        }
    }

    private static void assertEachNamesItsPlace(List<Problem> errors) {
        for (Problem p : errors) {
            assertThat(p.path()).as(p.toString()).matches(WHERE).doesNotContain("\n");
            assertThat(p.message()).as(p.toString()).isNotBlank();
            assertThat(p.toString().lines()).as("one line").hasSize(1);
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Property(tries = 200)
    void aValidCatalogLoads(@ForAll("validCatalogs") List<Entry> entries) {
        assertThat(errors(catalog(entries), STACK)).as(catalog(entries)).isEmpty();
    }

    @Property(tries = 25)
    void aValidCatalogPlans(@ForAll("validCatalogs") List<Entry> entries) throws ConfigException {
        StackModel model = new StackLoader(Stacks.NOW).load(catalog(entries), "pipelines.yaml", Stacks.stack(""));

        Plan plan = Plan.of(model, Stacks.NOW, 2);

        assertThat(plan.model().pipelines()).hasSize(entries.size());
        for (Entry e : entries) {
            assertThat(plan.resourcesOf(e.id())).as(e.id()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void oneMistakeIsOneErrorThatNamesItsPlace(@ForAll("validCatalogs") List<Entry> entries,
                                              @ForAll("mistakes") UnaryOperator<String> mistake) {
        String valid = catalog(entries);
        String broken = mistake.apply(valid);
        if (broken.equals(valid)) {
            return;  // the mistake's spot is not in this catalog (e.g. no paused: line)
        }
        List<Problem> errors = errors(broken, STACK);

        assertThat(errors).as(broken).hasSize(1);
        assertEachNamesItsPlace(errors);
    }

    @Property(tries = 200)
    void anyStackFileEitherLoadsOrNamesEveryProblem(@ForAll("validCatalogs") List<Entry> entries,
                                                   @ForAll("stackLines") List<String> lines) {
        String stackText = STACK + String.join("", lines);
        // A key the generated lines repeat is an error of its own; any other outcome must name its place.
        assertEachNamesItsPlace(errors(catalog(entries), stackText));
    }

    @Provide
    Arbitrary<List<String>> stackLines() {
        return Arbitraries.of(
                "  gcp:region: us-central1\n", "  gcp:region: Europe West\n", "  cqc-scheduler:projectNumber: abc\n",
                "  cqc-scheduler:topicRetention: 5m\n", "  cqc-scheduler:protectStateful: maybe\n",
                "  cqc-scheduler:pipelines: {job-0: {paused: true}}\n", "  cqc-scheduler:pipelines: {job-9: {paused: true}}\n",
                "  cqc-scheduler:pipelines: [job-0]\n", "  cqc-scheduler:defaults: {retry: {count: 2}}\n",
                "  cqc-scheduler:defaults: {retry: {count: 7}}\n", "  cqc-scheduler:alerting: {emails: [ops]}\n",
                "  cqc-scheduler:alerting: {enabled: true}\n", "  unknown-ns:thing: 1\n", "  cqc-scheduler:catalog: [x]\n",
                "  cqc-scheduler:pipelines: {job-0: {retry: {count: 2}, http: null}}\n",
                "  cqc-scheduler:pipelines: {job-0: {enabled: false}}\n").list().ofMaxSize(4);
    }

    @Property(tries = 100)
    void randomTextNeverEscapesTheLoader(@ForAll("yamlish") String text) {
        assertEachNamesItsPlace(errors(text, STACK));
        assertEachNamesItsPlace(errors(catalog(List.of(new Entry("p", "schedule: \"0 0 * * *\"\npubsub: {topic: t-1, data: x}\n"))),
                STACK + text.indent(2)));
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> token = Arbitraries.of("pipelines:", "defaults:", "\n", "  ", "- ", ": ", "&a ", "*a", "<<: ",
                "{", "}", "[", "]", ",", "'", "\"", "#", "\t", "p:", "schedule: ", "0 0 * * *", "http:", "retry:",
                "count: 3", "!!str ", "~", "---\n", "|\n", "\\u00e9", "%YAML 1.2\n", "? ", "null", "true", "1e99");
        return token.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
