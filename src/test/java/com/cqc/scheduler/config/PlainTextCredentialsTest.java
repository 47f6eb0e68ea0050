package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A well-known credential shape written anywhere a pipeline or the defaults hold text (a URL's query, path or
 * fragment, a relativeUri, a description, a label or attribute value, any string of a body or message, a header
 * value, an audience, the routing) is one error at its path (P10), in the catalog or in a stack file, saying what
 * it looks like and showing the value masked, never as written; user info in an HTTP target's URL is one error
 * too. Ids, words and sentences that are not those shapes pass wherever they are written.
 */
class PlainTextCredentialsTest {
    /** A credential, what the error says it looks like, and whether it is a scheme and token ({@code Bearer ...}). */
    record Secret(String text, String kind, boolean scheme) {}

    /**
     * A place that holds text: the catalog with VALUE there, the path of the error, the part of the value the
     * message names, how the value is written around SECRET, and the stack file's change that writes VALUE there
     * instead (the catalog then holding the value around a harmless word), when one can.
     */
    record Place(String name, String catalog, String path, String part, String template, String stackChange) {
        /**
         * A scheme and its token is a credential where a header value would stand: the whole value, or after
         * {@code :} or {@code =}; a URL has no spaces.
         */
        boolean takes(Secret secret) {
            return !secret.scheme() || !part.startsWith("the URL") && template.matches("(?:.*[:=] ?)?SECRET(?:&.*)?");
        }

        String value(String secret) {
            return template.replace("SECRET", secret);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String SCHEDULE = "schedule: \"0 2 * * *\"\n";
    private static final String HTTP = SCHEDULE + "http: {url: 'https://svc.example.com/run', auth: none, invoker: none, ";
    private static final String PUBSUB = SCHEDULE + "pubsub: {topic: ingest, ";

    private static String catalog(String p0) {
        return "pipelines:\n  p0:\n" + p0.indent(4);
    }

    private static Place place(String name, String p0, String keys, String part, String template, String stackChange) {
        return new Place(name, catalog(p0), "pipelines.p0." + keys, part, template,
                stackChange == null ? null : "cqc-scheduler:pipelines: {p0: " + stackChange + "}\n");
    }

    private static final List<Place> PLACES = List.of(
            place("url query", SCHEDULE + "http: {url: 'VALUE', auth: none, invoker: none}",
                    "http.url", "the URL's query string", "https://svc.example.com/run?key=SECRET",
                    "{http: {url: 'VALUE'}}"),
            place("url path", SCHEDULE + "http: {url: 'VALUE', auth: none, invoker: none}",
                    "http.url", "the URL's path", "https://svc.example.com/run/SECRET", null),
            place("url fragment", SCHEDULE + "http: {url: 'VALUE', auth: none, invoker: none}",
                    "http.url", "the URL's fragment", "https://svc.example.com/run#SECRET", null),
            place("relativeUri", SCHEDULE + "appEngine: {relativeUri: 'VALUE'}", "appEngine.relativeUri",
                    "the URL's query string", "/tasks/run?key=SECRET", "{appEngine: {relativeUri: 'VALUE'}}"),
            place("audience", SCHEDULE + "http: {url: 'https://svc.example.com/run', auth: {type: oidc, audience: 'VALUE'}"
                    + ", invoker: none}", "http.auth.audience",
                    "the URL's query string", "https://svc.example.com/?key=SECRET", null),
            place("description", PUBSUB + "data: hello}\ndescription: 'VALUE'", "description", "the value", "SECRET",
                    "{description: 'VALUE'}"),
            place("description sentence", PUBSUB + "data: hello}\ndescription: 'VALUE'", "description", "the value",
                    "Nightly export; key SECRET (rotated monthly)", null),
            place("label", PUBSUB + "data: hello}\nlabels: {team: 'VALUE'}", "labels.team", "the value", "SECRET",
                    "{labels: {team: 'VALUE'}}"),
            place("attribute", PUBSUB + "attributes: {source: 'VALUE'}}", "pubsub.attributes.source", "the value",
                    "SECRET", "{pubsub: {attributes: {source: 'VALUE'}}}"),
            place("data text", PUBSUB + "data: 'VALUE'}", "pubsub.data", "the value", "Authorization: SECRET", null),
            place("data map", PUBSUB + "data: {auth: {key: 'VALUE'}, n: 1}}", "pubsub.data.auth.key", "the value",
                    "SECRET", "{pubsub: {data: {auth: {key: 'VALUE'}}}}"),
            place("body text", HTTP + "body: 'token=VALUE&n=1'}", "http.body", "the value", "token=SECRET&n=1",
                    "{http: {body: 'VALUE'}}"),
            place("body list", HTTP + "body: {keys: [first, 'VALUE']}}", "http.body.keys[1]", "the value", "SECRET", null),
            place("App Engine body", SCHEDULE + "appEngine: {relativeUri: /run, body: {key: 'VALUE'}}",
                    "appEngine.body.key", "the value", "SECRET", "{appEngine: {body: {key: 'VALUE'}}}"),
            place("header", HTTP + "headers: {X-Trace: 'VALUE'}}", "http.headers.X-Trace", "the value", "SECRET",
                    "{http: {headers: {X-Trace: 'VALUE'}}}"),
            place("routing", SCHEDULE + "appEngine: {relativeUri: /run, routing: {version: 'VALUE'}}",
                    "appEngine.routing.version", "the value", "SECRET", null),
            new Place("defaults label", "defaults: {labels: {team: 'VALUE'}}\n" + Stacks.pubsubPipelines(2),
                    "defaults.labels.team", "the value", "SECRET", "cqc-scheduler:defaults: {labels: {team: 'VALUE'}}\n"));

    @Provide
    Arbitrary<Place> places() {
        return Arbitraries.of(PLACES);
    }

    private static Arbitrary<String> chars(String extra, int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().withChars(extra.toCharArray())
                .ofMinLength(min).ofMaxLength(max);
    }

    /** Credentials of every shape the loader knows, generated (the generated part random, as real ones are). */
    @Provide
    Arbitrary<Secret> secrets() {
        Arbitrary<String> upperDigits = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(16);
        Arbitrary<String> b64url = chars("_-", 10, 40);
        return Arbitraries.oneOf(
                chars("_-", 35, 35).map(s -> new Secret("AIza" + s, "a Google API key", false)),
                Combinators.combine(Arbitraries.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), chars("", 36, 36))
                        .as((p, s) -> new Secret(p + s, "a GitHub token", false)),
                chars("_", 22, 82).map(s -> new Secret("github_pat_" + s, "a GitHub token", false)),
                Combinators.combine(Arbitraries.of("b", "p", "a", "r", "s"),
                                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(10).ofMaxLength(40))
                        .as((k, s) -> new Secret("xox" + k + "-" + s, "a Slack token", false)),
                Combinators.combine(Arbitraries.of("AKIA", "ASIA"), upperDigits)
                        .as((p, s) -> new Secret(p + s, "an AWS access key id", false)),
                Combinators.combine(b64url, b64url, b64url)
                        .as((h, b, s) -> new Secret("eyJ" + h + ".eyJ" + b + "." + s, "a JSON Web Token", false)),
                chars("_-", 20, 80).map(s -> new Secret("ya29." + s, "a Google OAuth access token", false)),
                Combinators.combine(Arbitraries.of("Bearer", "Basic", "Token", "Digest", "bearer", "basic"),
                                chars("", 11, 59), Arbitraries.of("7", "=", "=="))
                        .as((scheme, token, end) -> new Secret(scheme + " " + token + end,
                                "an Authorization credential (Bearer, Basic, Token or Digest)", true)));
    }

    /** The errors of the catalog with {@code value} at the place, written there or by the stack file. */
    private static List<Problem> errors(Place place, String value, boolean inStackFile) {
        return inStackFile
                ? Stacks.errors(place.catalog().replace("VALUE", place.value("plain")), place.stackChange().replace("VALUE", value))
                : Stacks.errors(place.catalog().replace("VALUE", value));
    }

    @Property(tries = 400)
    void aCredentialAnywhereInPlainConfigIsOneErrorAtItsPathShownMasked(@ForAll("places") Place place,
                                                                     @ForAll("secrets") Secret secret,
                                                                     @ForAll boolean inStackFile) {
        Assume.that(place.takes(secret));
        Assume.that(!inStackFile || place.stackChange() != null);
        String value = place.value(secret.text());

        List<Problem> errors = errors(place, value, inStackFile);

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(place.path());
            assertThat(p.rule()).isEqualTo("P10");
            assertThat(p.message()).startsWith(place.part() + " looks like " + secret.kind() + " ('")
                    .contains(Secrets.MASK)
                    .contains("send it through the job's OIDC or OAuth token")
                    .doesNotContain(secret.text()).doesNotContain(secret.text().substring(secret.scheme() ? 7 : 4, 14));
            assertThat(p.message().endsWith(" [set in Pulumi.test.yaml]")).isEqualTo(inStackFile);
        });
    }

    @Provide
    Arbitrary<String> ordinaryValues() {
        Arbitrary<String> word = Arbitraries.of("etl", "Etl", "Job", "job", "2024", "10", "v2", "Daily", "daily", "Run",
                "run", "basic", "Basic", "bearer", "Bearer", "token", "Token", "Digest", "key", "Key", "api", "Asia",
                "Pacific", "model", "export", "session", "github", "xox", "eyJ", "ya29", "min", "auth",
                "nightly", "Reports", "secret", "password");
        Arbitrary<String> joined = Combinators.combine(word.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.of("_", "-", " ", "", ".", ", ")).as((words, sep) -> String.join(sep, words));
        return Arbitraries.oneOf(joined, Arbitraries.of("Etl_Job_2024_Daily_Run", "q8Xz2LmN4pR7tV9wY1bC3dF5gH",
                "a basic 10-minute health check", "Basic v2-model training", "Token refresh for the 2024-Q3 export",
                "bearer of the 20240101-nightly run", "ASIAPACIFIC", "AKIA is not a key", "mailto:ml-team@cqc.example",
                "ssh://git@github.com/cqc/ml.git", "key=value&n=1", "Authorization: none", "0123456789abcdef"));
    }

    @Property(tries = 300)
    void idsWordsAndSentencesPassWhereverTheyAreWritten(@ForAll("places") Place place, @ForAll("ordinaryValues") String text) {
        String value = place.path().endsWith("labels.team") ? text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-")
                : place.part().startsWith("the URL") ? place.value(text.replaceAll("[^A-Za-z0-9_.-]", "_"))
                : place.value(text);
        Assume.that(value.length() <= 63 || !place.path().endsWith("labels.team"));

        StackModel model = Stacks.load(place.catalog().replace("VALUE", value.replace("'", "''")), "");

        assertThat(model.warnings()).noneMatch(p -> "P10".equals(p.rule()));
    }

    @Property(tries = 100)
    void userInfoInAnHttpTargetsUrlIsOneErrorThatShowsNoneOfIt(@ForAll("user") String user, @ForAll("user") String password,
                                                             @ForAll boolean withPassword, @ForAll boolean inStackFile) {
        String userInfo = withPassword ? user + ":" + password : user;
        String url = "https://" + userInfo + "@svc.example.com/run";
        String target = SCHEDULE + "http: {url: 'URL', auth: none, invoker: none}";

        List<Problem> errors = inStackFile
                ? Stacks.errors(catalog(target.replace("URL", "https://svc.example.com/run")),
                        "cqc-scheduler:pipelines: {p0: {http: {url: '" + url + "'}}}\n")
                : Stacks.errors(catalog(target.replace("URL", url)));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p0.http.url");
            assertThat(p.rule()).isEqualTo("P10");
            assertThat(p.message()).startsWith("'https://" + Secrets.MASK + "@svc.example.com/run' has user info before @")
                    .doesNotContain(user).doesNotContain(password);
            assertThat(p.message().endsWith(" [set in Pulumi.test.yaml]")).isEqualTo(inStackFile);
        });
    }

    /** A user name or password: mixed case and digits, so that the message's own words never contain it. */
    @Provide
    Arbitrary<String> user() {
        return chars("", 6, 20).map(s -> "u" + s + "9Q");
    }

    @Example
    void aPasswordInAnyOtherUrlIsACredentialTooAndAUserNameAloneIsNot() {
        assertThat(Stacks.errors(catalog(HTTP + "body: {db: 'postgres://etl:Hunter2Secret@db.internal/warehouse'}}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("pipelines.p0.http.body.db");
                    assertThat(p.message()).startsWith("the URL's user info looks like a password in a URL"
                            + " ('postgres://etl:[masked]@db.internal/warehouse')");
                });
        Stacks.load(catalog(HTTP + "body: {repo: 'ssh://git@github.com/cqc/ml.git'}}"), "");
    }

    @Example
    void aHeaderNamedForACredentialIsOneErrorWhateverItHolds() {
        assertThat(Stacks.errors(catalog(HTTP + "headers: {X-Api-Key: 'AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK'}}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("R6.5");
                    assertThat(p.message()).startsWith("'X-Api-Key' carries a credential");
                });
    }

    @Property(tries = 20)
    void aCredentialInTheDefaultsIsOneErrorHoweverManyPipelines(@ForAll @IntRange(min = 1, max = 4) int pipelines) {
        assertThat(Stacks.errors("defaults: {labels: {team: 'xoxb-123456789012-abcdefghijkl'}}\n"
                + Stacks.pubsubPipelines(pipelines))).extracting(Problem::path).containsExactly("defaults.labels.team");
    }

    @Example
    void aLongValueIsShownAroundItsMaskedPart() {
        String body = "x".repeat(200) + " AKIAIOSFODNN7EXAMPLE " + "y".repeat(200);

        assertThat(Stacks.errors(catalog(HTTP + "body: '" + body + "'}"))).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("the value looks like an AWS access key id ('..." + "x".repeat(29)
                        + " [masked] " + "y".repeat(29) + "...')"));
    }
}
