package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.HttpMethod;
import com.cqc.scheduler.model.Invoker;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and checks the one target of a pipeline: one of the {@link Target.Kind#catalogKeys()}. */
final class TargetReader {
    private static final Duration HTTP_MIN = Duration.ofSeconds(15);
    private static final Duration HTTP_MAX = Duration.ofMinutes(30);
    private static final Duration APP_ENGINE_MAX = Duration.ofHours(24).plusSeconds(15);
    private static final Pattern TOPIC_ID = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");
    private static final Pattern TOPIC_NAME = Pattern.compile("projects/([^/]+)/topics/([^/]+)");
    private static final int MAX_URI = 2083;

    private final StackSettings settings;
    private final Problems problems;
    private final Placeholders placeholders;
    private final AuthReader tokens;

    TargetReader(StackSettings settings, Problems problems, Placeholders placeholders) {
        this.settings = settings;
        this.problems = problems;
        this.placeholders = placeholders;
        this.tokens = new AuthReader(problems, placeholders);
    }

    /**
     * The pipeline's target, or empty when it has errors (already recorded); {@code deadlineWritten} is
     * the deadline as the user wrote it, for messages (null when it is the API's default).
     */
    Optional<Target> read(ConfigNode pipeline, Optional<Duration> deadline, String deadlineWritten) {
        List<Target.Kind> present = Arrays.stream(Target.Kind.values()).filter(k -> pipeline.has(k.catalogKey())).toList();
        List<String> keys = Target.Kind.catalogKeys();
        if (present.isEmpty() && keys.stream().anyMatch(pipeline::misspelt)) {
            return Optional.empty();
        }
        if (present.size() != 1) {
            problems.error(pipeline.path(), present.isEmpty()
                    ? "has no target; give exactly one of " + String.join(", ", keys.subList(0, keys.size() - 1))
                    + " or " + keys.get(keys.size() - 1)
                    : "has " + present.size() + " targets (" + String.join(", ", present.stream()
                    .map(Target.Kind::catalogKey).toList()) + "); a job has exactly one", "R9.7");
            return Optional.empty();
        }
        Target.Kind kind = present.get(0);
        Optional<ConfigNode> node = pipeline.object(kind.catalogKey());
        if (node.isEmpty()) {
            return Optional.empty();
        }
        // A switch without default: a new kind of target does not compile until it has a reader.
        return switch (kind) {
            case HTTP -> http(node.get(), deadline.orElseThrow(), deadlineWritten);
            case PUBSUB -> pubsub(node.get());
            case APP_ENGINE -> appEngine(node.get(), deadline.orElseThrow(), deadlineWritten);
        };
    }

    private Optional<Target> http(ConfigNode n, Duration deadline, String deadlineWritten) {
        n.allowOnly(List.of("url", "method", "body", "headers", "auth", "invoker"));
        Optional<URI> uri = n.text("url").map(u -> placeholders.expand(u, n.path("url"), problems)).flatMap(u -> uri(n, u));
        if (!n.has("url") && !n.misspelt("url")) {
            problems.error(n.path("url"), "is required: the https:// endpoint the job calls", "R6.1");
        }
        HttpMethod method = method(n, List.of(HttpMethod.values()), "R6.2");
        Optional<Payload> body = payload(n, "body");
        if (body.isPresent() && !method.httpTakesBody()) {
            problems.error(n.path("body"), "a body is sent only with POST, PUT or PATCH, not " + method, "R6.3");
        }
        Map<String, String> headers = Headers.check(n, expandValues(n, "headers"), body, problems, "R6.4");
        checkDeadline(n.path(), deadline, deadlineWritten, HTTP_MAX, "R4.2");
        Optional<Auth> auth = uri.flatMap(u -> tokens.auth(n, u));
        Invoker invoker = tokens.invoker(n, auth);
        if (uri.isEmpty() || auth.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target.Http(uri.get().toString(), method, body, headers, auth.get(), invoker, deadline));
    }

    private Optional<URI> uri(ConfigNode n, String text) {
        String path = n.path("url");
        if (text.length() > MAX_URI) {
            problems.error(path, "is " + text.length() + " characters long; at most " + MAX_URI, "R6.1");
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.error(path, "'" + text + "' is not an http:// or https:// URL with a host", "R6.1");
                return Optional.empty();
            }
            if (scheme.equals("http")) {
                problems.warning(path, "'" + text + "' is plain http; the token and body travel unencrypted"
                        + " (policy scheduler-https-uri rejects it in staging and prod)", "R6.1");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.error(path, "'" + text + "' is not a URL: " + e.getReason(), "R6.1");
            return Optional.empty();
        }
    }

    private Optional<Target> pubsub(ConfigNode n) {
        n.allowOnly(List.of("topic", "existingTopic", "data", "attributes"));
        if (n.has("topic") == n.has("existingTopic")) {
            if (n.misspelt("topic") || n.misspelt("existingTopic")) {
                return Optional.empty();
            }
            problems.error(n.path("topic"), "give exactly one of topic (created by this pipeline) or existingTopic"
                    + " (a topic that already exists in " + settings.project() + ")", "R7.1");
            return Optional.empty();
        }
        boolean managed = n.has("topic");
        String key = managed ? "topic" : "existingTopic";
        String topic = n.text(key).map(t -> placeholders.expand(t, n.path(key), problems)).orElse("");
        java.util.regex.Matcher full = TOPIC_NAME.matcher(topic);
        if (full.matches()) {
            if (!full.group(1).equals(settings.project())) {
                problems.error(n.path(key), "'" + topic + "' is in project " + full.group(1) + "; a job publishes"
                        + " only to topics of its own project " + settings.project(), "R7.1");
            }
            topic = full.group(2);
        }
        if (!TOPIC_ID.matcher(topic).matches() || topic.toLowerCase(Locale.ROOT).startsWith("goog")) {
            problems.error(n.path(key), "'" + topic + "' is not a topic id: 3..255 characters of letters, digits"
                    + " and -_.~+%, starting with a letter, not with 'goog'", "R7.2");
        }
        Optional<Payload> data = payload(n, "data");
        Map<String, String> attributes = expandValues(n, "attributes");
        if (data.map(d -> d.text().isEmpty()).orElse(true) && attributes.isEmpty()) {
            problems.error(n.path(), "a Pub/Sub message needs non-empty data or at least one attribute", "R7.3");
        }
        if (attributes.size() > 100) {
            problems.error(n.path("attributes"), "has " + attributes.size() + " attributes; at most 100", "R7.5");
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            int bytes = a.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 1024) {
                problems.error(n.path("attributes") + "." + a.getKey(), "the value takes " + bytes + " bytes; at most 1024", "R7.5");
            }
            if (a.getKey().getBytes(StandardCharsets.UTF_8).length > 256) {
                problems.warning(n.path("attributes") + "." + a.getKey(), "the key is longer than 256 bytes,"
                        + " which Pub/Sub may reject (limit UNCONFIRMED)", "R7.5");
            }
        }
        return Optional.of(new Target.Pubsub(topic, managed, data, attributes));
    }

    private Optional<Target> appEngine(ConfigNode n, Duration deadline, String deadlineWritten) {
        n.allowOnly(List.of("relativeUri", "method", "body", "headers", "routing"));
        String uri = n.text("relativeUri").orElse("");
        if (!n.has("relativeUri") && n.misspelt("relativeUri")) {
            return Optional.empty();
        }
        if (!uri.startsWith("/") || uri.contains(" ") || uri.length() > MAX_URI) {
            problems.error(n.path("relativeUri"), "'" + uri + "' must start with /, contain no spaces and be at most "
                    + MAX_URI + " characters", "R8.3");
        }
        List<HttpMethod> allowed = Arrays.stream(HttpMethod.values()).filter(HttpMethod::appEngineAllows).toList();
        HttpMethod method = method(n, allowed, "R8.1");
        Optional<Payload> body = payload(n, "body");
        if (body.isPresent() && !method.appEngineTakesBody()) {
            problems.error(n.path("body"), "an App Engine target sends a body only with POST or PUT, not " + method, "R8.2");
        }
        Map<String, String> headers = Headers.check(n, expandValues(n, "headers"), body, problems, "R8.5");
        checkDeadline(n.path(), deadline, deadlineWritten, APP_ENGINE_MAX, "R4.3");
        Target.Routing routing = n.object("routing").map(r -> {
            r.allowOnly(List.of("service", "version", "instance"));
            if (r.has("instance")) {
                problems.warning(r.path("instance"), "routing to an instance works only with manual scaling", "R8.4");
            }
            return new Target.Routing(r.text("service"), r.text("version"), r.text("instance"));
        }).orElse(new Target.Routing(Optional.empty(), Optional.empty(), Optional.empty()));
        return Optional.of(new Target.AppEngine(uri, method, body, headers, routing, deadline));
    }

    private HttpMethod method(ConfigNode n, List<HttpMethod> allowed, String rule) {
        String text = n.text("method").orElse("POST");
        try {
            HttpMethod method = HttpMethod.valueOf(text.toUpperCase(Locale.ROOT));
            if (allowed.contains(method)) {
                return method;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.error(n.path("method"), "'" + text + "' is not allowed; allowed: "
                + String.join(", ", allowed.stream().map(Enum::name).toList()), rule);
        return HttpMethod.POST;
    }

    private void checkDeadline(String path, Duration deadline, String written, Duration max, String rule) {
        if (outside(deadline, max)) {
            problems.error(path.substring(0, path.lastIndexOf('.')) + ".attemptDeadline",
                    (written == null ? Durations.human(deadline) : written) + " is outside 15s.."
                    + Durations.human(max) + " for this target", rule);
        }
    }

    /**
     * A deadline of the defaults that no target takes: outside App Engine's bounds, the widest (R4.3). One within
     * them but beyond HTTP's (R4.2) is wrong only for HTTP pipelines, each of which reports it.
     */
    static void checkForEveryTarget(ConfigNode defaults, Duration deadline, Problems problems) {
        if (outside(deadline, APP_ENGINE_MAX)) {
            problems.error(defaults.path("attemptDeadline"), "'" + defaults.raw("attemptDeadline").asText() + "' is outside"
                    + " 15s.." + Durations.human(APP_ENGINE_MAX) + ", which no target takes (App Engine 15s.."
                    + Durations.human(APP_ENGINE_MAX) + ", HTTP 15s.." + Durations.human(HTTP_MAX) + ")", "R4.3");
        }
    }

    private static boolean outside(Duration deadline, Duration max) {
        return deadline.compareTo(HTTP_MIN) < 0 || deadline.compareTo(max) > 0;
    }

    private Optional<Payload> payload(ConfigNode n, String key) {
        return n.payload(key).map(p -> new Payload(placeholders.expand(p.text(), n.path(key), problems), p.json()));
    }

    private Map<String, String> expandValues(ConfigNode n, String key) {
        Map<String, String> values = new java.util.LinkedHashMap<>(n.stringMap(key));
        values.replaceAll((k, v) -> placeholders.expand(v, n.path(key) + "." + k, problems));
        return values;
    }
}
