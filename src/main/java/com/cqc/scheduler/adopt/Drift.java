package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.config.Headers;
import com.cqc.scheduler.config.Secrets;
import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.config.Zones;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the jobs in the cloud with the jobs the code would leave there, field by field, on what
 * the API keeps: defaults filled in, bodies decoded, zones canonical, service-set headers ignored.
 */
public final class Drift {
    /** A field that differs: the code's value and the cloud's ({@code null} where absent). */
    public record Change(String field, String code, String cloud) {}

    /** Jobs only in the cloud, only in code, and the differences of the others, by job name. */
    public record Report(List<String> onlyInCloud, List<String> onlyInCode, Map<String, List<Change>> differences) {
        public boolean clean() {
            return onlyInCloud.isEmpty() && onlyInCode.isEmpty() && differences.isEmpty();
        }
    }

    private Drift() {}

    public static Report compare(List<JsonNode> code, List<JsonNode> cloud) {
        Map<String, JsonNode> expected = byName(code);
        Map<String, JsonNode> live = byName(cloud);
        Map<String, List<Change>> differences = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            JsonNode other = live.get(e.getKey());
            if (other == null) {
                continue;
            }
            Map<String, String> a = fields(e.getValue(), false);
            Map<String, String> b = fields(other, false);
            Set<String> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            // Compared on the real values, shown with credentials masked.
            Map<String, String> shownA = fields(e.getValue(), true);
            Map<String, String> shownB = fields(other, true);
            List<Change> changes = keys.stream().filter(k -> !Objects.equals(a.get(k), b.get(k)))
                    .map(k -> new Change(k, shownA.get(k), shownB.get(k))).toList();
            if (!changes.isEmpty()) {
                differences.put(e.getKey(), changes);
            }
        }
        return new Report(live.keySet().stream().filter(n -> !expected.containsKey(n)).toList(),
                expected.keySet().stream().filter(n -> !live.containsKey(n)).toList(), differences);
    }

    private static Map<String, JsonNode> byName(List<JsonNode> jobs) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        jobs.forEach(j -> out.put(j.path("name").asText(), j));
        return out;
    }

    /** The comparable fields of a job, with the API's defaults where a field is absent. */
    static Map<String, String> fields(JsonNode job) {
        return fields(job, false);
    }

    /** The fields; {@code shown} masks credential headers and credential-shaped values for output. */
    private static Map<String, String> fields(JsonNode job, boolean shown) {
        Map<String, String> f = rawFields(job, shown);
        if (shown) {
            f.replaceAll((k, v) -> Secrets.mask(v));
        }
        return f;
    }

    private static Map<String, String> rawFields(JsonNode job, boolean shown) {
        Map<String, String> f = new TreeMap<>();
        f.put("description", job.path("description").asText(""));
        f.put("schedule", job.path("schedule").asText());
        String zone = job.path("timeZone").asText("Etc/UTC");
        f.put("timeZone", Zones.canonical(zone).map(ZoneId::getId).orElse(zone));
        if (job.hasNonNull("state")) {   // a listing without it is shown as "(absent)", never assumed enabled
            f.put("state", job.get("state").asText());
        }
        JsonNode retry = job.path("retryConfig");
        f.put("retryConfig.retryCount", retry.path("retryCount").asText("0"));
        f.put("retryConfig.maxRetryDuration", duration(retry.path("maxRetryDuration").asText("0s")));
        f.put("retryConfig.minBackoffDuration", duration(retry.path("minBackoffDuration").asText("5s")));
        f.put("retryConfig.maxBackoffDuration", duration(retry.path("maxBackoffDuration").asText("3600s")));
        f.put("retryConfig.maxDoublings", retry.path("maxDoublings").asText("5"));
        Optional<Target.Kind> kind = Arrays.stream(Target.Kind.values()).filter(k -> job.hasNonNull(k.apiField())).findFirst();
        if (kind.isEmpty()) {
            f.put("target", "(none this program supports)");
            return f;
        }
        f.put("target", kind.get().label());
        JsonNode t = job.get(kind.get().apiField());
        // A switch without default: a new kind of target does not compile until drift compares it.
        f.putAll(switch (kind.get()) {
            case HTTP -> http(job, t, shown);
            case PUBSUB -> pubsub(t);
            case APP_ENGINE -> appEngine(job, t, shown);
        });
        return f;
    }

    private static Map<String, String> http(JsonNode job, JsonNode t, boolean shown) {
        Map<String, String> f = new TreeMap<>();
        f.put("attemptDeadline", duration(job.path("attemptDeadline").asText("180s")));
        f.put("httpTarget.uri", t.path("uri").asText());
        f.put("httpTarget.httpMethod", t.path("httpMethod").asText("POST"));
        decoded(t, "body", "httpTarget.body", f);
        headers(t, "httpTarget.headers", f, shown);
        if (t.hasNonNull("oidcToken")) {
            f.put("httpTarget.token", "oidc " + t.get("oidcToken").path("serviceAccountEmail").asText()
                    + " audience " + t.get("oidcToken").path("audience").asText(t.path("uri").asText()));
        } else if (t.hasNonNull("oauthToken")) {
            f.put("httpTarget.token", "oauth " + t.get("oauthToken").path("serviceAccountEmail").asText()
                    + " scope " + t.get("oauthToken").path("scope").asText(Auth.CLOUD_PLATFORM_SCOPE));
        } else {
            f.put("httpTarget.token", "none");
        }
        return f;
    }

    private static Map<String, String> pubsub(JsonNode t) {
        Map<String, String> f = new TreeMap<>();
        f.put("pubsubTarget.topicName", t.path("topicName").asText());
        decoded(t, "data", "pubsubTarget.data", f);
        f.put("pubsubTarget.attributes", new TreeMap<>(map(t.get("attributes"))).toString());
        return f;
    }

    private static Map<String, String> appEngine(JsonNode job, JsonNode t, boolean shown) {
        Map<String, String> f = new TreeMap<>();
        f.put("attemptDeadline", duration(job.path("attemptDeadline").asText("180s")));
        f.put("appEngineHttpTarget.relativeUri", t.path("relativeUri").asText("/"));
        f.put("appEngineHttpTarget.httpMethod", t.path("httpMethod").asText("POST"));
        decoded(t, "body", "appEngineHttpTarget.body", f);
        headers(t, "appEngineHttpTarget.headers", f, shown);
        JsonNode r = t.path("appEngineRouting");
        f.put("appEngineHttpTarget.routing", "service=" + r.path("service").asText("") + " version="
                + r.path("version").asText("") + " instance=" + r.path("instance").asText(""));
        return f;
    }

    private static String duration(String text) {
        return Durations.parse(text).map(Durations::toApi).orElse(text);
    }

    private static void decoded(JsonNode target, String field, String key, Map<String, String> f) {
        if (target.hasNonNull(field)) {
            try {
                f.put(key, Payload.decode(target.get(field).asText()));
            } catch (IllegalArgumentException e) {
                f.put(key, "(not base64) " + target.get(field).asText());
            }
        }
    }

    /** Headers as the user set them: the ones Cloud Scheduler sets itself are not drift. */
    private static void headers(JsonNode target, String key, Map<String, String> f, boolean shown) {
        Map<String, String> kept = new TreeMap<>();
        map(target.get("headers")).forEach((k, v) -> {
            if (!Headers.isServiceManaged(k)) {
                kept.put(k.toLowerCase(Locale.ROOT), shown && Secrets.isCredentialHeader(k) ? Secrets.MASK : v);
            }
        });
        if (!kept.isEmpty()) {
            f.put(key, kept.toString());
        }
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }
}
