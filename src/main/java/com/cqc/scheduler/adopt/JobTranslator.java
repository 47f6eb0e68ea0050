package com.cqc.scheduler.adopt;

import com.cqc.scheduler.config.CanonicalJson;
import com.cqc.scheduler.config.Headers;
import com.cqc.scheduler.config.Secrets;
import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one job of the API into a catalog entry that the program will register unchanged: every
 * setting written explicitly (so catalog and stack defaults cannot alter it), bodies decoded to text
 * or YAML, the stack's project, number and region replaced by placeholders. A job that cannot be
 * expressed faithfully is skipped with its reasons, never silently changed.
 */
final class JobTranslator {
    private static final Set<String> JOB_FIELDS = Stream.concat(Stream.of("name", "description", "schedule", "timeZone",
            "state", "status", "userUpdateTime", "scheduleTime", "lastAttemptTime", "retryConfig", "attemptDeadline",
            "legacyAppEngineCron"), Arrays.stream(Target.Kind.values()).map(Target.Kind::apiField)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> HTTP_FIELDS = Set.of("uri", "httpMethod", "headers", "body", "oidcToken", "oauthToken");
    private static final Set<String> PUBSUB_FIELDS = Set.of("topicName", "data", "attributes");
    private static final Set<String> APP_ENGINE_FIELDS = Set.of("httpMethod", "appEngineRouting", "relativeUri", "headers", "body");
    private static final Pattern TOPIC = Pattern.compile("projects/([^/]+)/topics/([^/]+)");
    private static final Pattern ACCOUNT = Pattern.compile("([a-z][-a-z0-9]{4,28}[a-z0-9])@([^.]+)\\.iam\\.gserviceaccount\\.com");

    private final StackSettings stack;

    JobTranslator(StackSettings stack) {
        this.stack = stack;
    }

    Translation translate(JsonNode job) {
        String name = job.path("name").asText();
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<JobName> parsed = JobName.parse(name);
        if (parsed.isEmpty()) {
            return new Translation.Skipped(name, List.of("the name is not projects/PROJECT/locations/LOCATION/jobs/ID (R1.1)"));
        }
        JobName jobName = parsed.get();
        unknownFields(job, JOB_FIELDS, "", reasons);
        if (job.path("legacyAppEngineCron").asBoolean(false)) {
            reasons.add("it is an App Engine cron.yaml job (legacyAppEngineCron): App Engine owns it; remove it from cron.yaml first");
        }
        if (!jobName.project().equals(stack.project())) {
            reasons.add("it is in project " + jobName.project() + "; the stack " + stack.stack() + " manages " + stack.project());
        }
        ObjectNode entry = CloudJobs.JSON.createObjectNode();
        if (job.hasNonNull("description")) {
            entry.put("description", job.get("description").asText());
        }
        entry.put("schedule", job.path("schedule").asText());
        entry.put("timeZone", job.path("timeZone").asText("Etc/UTC"));
        String state = job.path("state").asText("");
        if (state.isEmpty()) {
            notes.add("the listing gives no state (gcloud and the API always do: was it edited?); imported as"
                    + " enabled (paused: false), so check the job before pulumi up");
        } else if (state.equals("PAUSED")) {
            entry.put("paused", true);
        } else if (!state.equals("ENABLED")) {
            notes.add("its state is " + state + "; the program will keep it enabled (paused: false)");
        }
        retry(job.get("retryConfig"), entry, notes);

        Optional<String> account = Optional.empty();
        List<Target.Kind> targets = Arrays.stream(Target.Kind.values()).filter(k -> job.hasNonNull(k.apiField())).toList();
        String expectedLocation = stack.region();
        if (targets.size() != 1) {
            reasons.add(targets.isEmpty() ? "it has no target this program supports (HTTP, Pub/Sub or App Engine)"
                    : "it has " + targets.size() + " targets");
        } else {
            Target.Kind kind = targets.get(0);
            JsonNode target = job.get(kind.apiField());
            // A switch without default: a new kind of target does not compile until it can be imported.
            expectedLocation = switch (kind) {
                case HTTP -> {
                    account = http(jobName, target, entry, notes, reasons);
                    entry.put("attemptDeadline", job.path("attemptDeadline").asText("180s"));
                    yield stack.region();
                }
                case PUBSUB -> {
                    pubsub(target, entry, notes, reasons);
                    yield stack.region();
                }
                case APP_ENGINE -> {
                    appEngine(target, entry, notes, reasons);
                    entry.put("attemptDeadline", job.path("attemptDeadline").asText("180s"));
                    yield stack.appEngineRegion();
                }
            };
        }
        if (!jobName.location().equals(expectedLocation)) {
            reasons.add("it lives in " + jobName.location() + " but this stack's jobs of its kind live in "
                    + expectedLocation + "; importing it would move (replace) it");
        }
        return reasons.isEmpty()
                ? new Translation.Imported(name, jobName.id(), entry, notes, account)
                : new Translation.Skipped(name, reasons);
    }

    private void retry(JsonNode retry, ObjectNode entry, List<String> notes) {
        if (retry == null || retry.isNull()) {
            notes.add("it has no retry config: the API defaults are written out (count 0, backoff 5s..3600s,"
                    + " 5 doublings); the first up sends them explicitly (P2), which changes no behaviour");
            retry = CloudJobs.JSON.createObjectNode();
        }
        ObjectNode r = entry.putObject("retry");
        r.put("count", retry.path("retryCount").asInt(0));
        r.put("maxRetryDuration", retry.path("maxRetryDuration").asText("0s"));
        r.put("minBackoff", retry.path("minBackoffDuration").asText("5s"));
        r.put("maxBackoff", retry.path("maxBackoffDuration").asText("3600s"));
        r.put("maxDoublings", retry.path("maxDoublings").asInt(5));
    }

    private Optional<String> http(JobName jobName, JsonNode target, ObjectNode entry, List<String> notes, List<String> reasons) {
        unknownFields(target, HTTP_FIELDS, "httpTarget.", reasons);
        ObjectNode http = entry.putObject(Target.Kind.HTTP.catalogKey());
        String uri = target.path("uri").asText();
        http.put("url", placeholders(uri));
        http.put("method", target.path("httpMethod").asText("POST"));
        body(target, "body", http, reasons);
        headers(target, http, notes, reasons);
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            reasons.add("its uri '" + uri + "' is not a URL");
            return Optional.empty();
        }
        String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
        JsonNode oidc = target.get("oidcToken");
        JsonNode oauth = target.get("oauthToken");
        JsonNode token = oidc != null ? oidc : oauth;
        if (token == null) {
            http.put("auth", "none");
            notes.add("it calls " + host + " without a token; it is imported as it is (auth: none), which"
                    + " validation warns about and the staging and prod policies reject: give it auth: oidc");
            return Optional.empty();
        }
        if (oidc != null) {
            String origin = parsed.getScheme() + "://" + parsed.getAuthority();
            String audience = oidc.path("audience").asText(uri);
            if (audience.equals(origin)) {
                http.put("auth", "oidc");
            } else {
                http.putObject("auth").put("type", "oidc").put("audience", placeholders(audience));
            }
        } else {
            String scope = oauth.path("scope").asText(Auth.CLOUD_PLATFORM_SCOPE);
            if (scope.equals(Auth.CLOUD_PLATFORM_SCOPE)) {
                http.put("auth", "oauth");
            } else {
                http.putObject("auth").put("type", "oauth").put("scope", scope);
            }
        }
        invoker(host, parsed.getPath(), http, notes);
        return account(jobName, token.path("serviceAccountEmail").asText(), entry, notes);
    }

    /** The invoker grant the target most likely needs, from its host. */
    private void invoker(String host, String path, ObjectNode http, List<String> notes) {
        Matcher run = Pattern.compile("([a-z][-a-z0-9]*?)-" + stack.projectNumber() + "\\.[a-z0-9-]+\\.run\\.app").matcher(host);
        Matcher legacyRun = Pattern.compile("([a-z][-a-z0-9]*)-[a-z0-9]+-[a-z]{2}\\.a\\.run\\.app").matcher(host);
        if (run.matches() || legacyRun.matches()) {
            http.putObject("invoker").put("cloudRunService", run.matches() ? run.group(1) : legacyRun.group(1));
        } else if (host.endsWith(".cloudfunctions.net") && path.length() > 1) {
            http.putObject("invoker").put("function", path.substring(1).split("/")[0]);
        } else if (host.equals("dataflow.googleapis.com")) {
            http.putObject("invoker").put("projectRole", "roles/dataflow.developer");
        } else if (host.equals("workflowexecutions.googleapis.com")) {
            http.putObject("invoker").put("projectRole", "roles/workflows.invoker");
        } else if (host.equals("bigquery.googleapis.com")) {
            http.putObject("invoker").put("projectRole", "roles/bigquery.jobUser");
        } else {
            http.put("invoker", "none");
            notes.add("no invoker grant is known for " + host + " (invoker: none); add one if Google IAM guards it");
        }
    }

    /** The invoker account the pipeline will use: the default sch-ID, or the job's own one if it can keep it. */
    private Optional<String> account(JobName jobName, String email, ObjectNode entry, List<String> notes) {
        Matcher m = ACCOUNT.matcher(email);
        if (m.matches() && m.group(2).equals(stack.project())) {
            if (!m.group(1).equals("sch-" + jobName.id())) {
                entry.put("serviceAccount", m.group(1));
            }
            return Optional.of(m.group(1));
        }
        // The new account's id is the loader's to derive; Importer names it once the entry is loaded.
        notes.add("its token account " + email + " is not a user-managed account of " + stack.project()
                + "; the first up gives the job its own invoker account (least privilege), which updates the job");
        return Optional.empty();
    }

    private void pubsub(JsonNode target, ObjectNode entry, List<String> notes, List<String> reasons) {
        unknownFields(target, PUBSUB_FIELDS, "pubsubTarget.", reasons);
        ObjectNode pubsub = entry.putObject(Target.Kind.PUBSUB.catalogKey());
        Matcher m = TOPIC.matcher(target.path("topicName").asText());
        if (!m.matches()) {
            reasons.add("its topic '" + target.path("topicName").asText() + "' is not projects/P/topics/T");
            return;
        }
        if (!m.group(1).equals(stack.project())) {
            reasons.add("it publishes to a topic of project " + m.group(1) + "; a job publishes only in its own project (R7.1)");
            return;
        }
        pubsub.put("existingTopic", m.group(2));
        notes.add("its topic " + m.group(2) + " is referenced as existingTopic; to manage the topic here too,"
                + " change it to topic: " + m.group(2) + " and import gcp:pubsub/topic:Topic");
        body(target, "data", pubsub, reasons);
        if (target.hasNonNull("attributes")) {
            pubsub.set("attributes", target.get("attributes").deepCopy());
        }
    }

    private void appEngine(JsonNode target, ObjectNode entry, List<String> notes, List<String> reasons) {
        unknownFields(target, APP_ENGINE_FIELDS, "appEngineHttpTarget.", reasons);
        ObjectNode appEngine = entry.putObject(Target.Kind.APP_ENGINE.catalogKey());
        appEngine.put("relativeUri", target.path("relativeUri").asText("/"));
        appEngine.put("method", target.path("httpMethod").asText("POST"));
        body(target, "body", appEngine, reasons);
        headers(target, appEngine, notes, reasons);
        JsonNode routing = target.get("appEngineRouting");
        if (routing != null && routing.isObject()) {
            ObjectNode r = CloudJobs.JSON.createObjectNode();
            for (String k : List.of("service", "version", "instance")) {
                if (routing.hasNonNull(k)) {
                    r.put(k, routing.get(k).asText());
                }
            }
            if (!r.isEmpty()) {
                appEngine.set("routing", r);
            }
        }
    }

    /** Decodes a base64 body or message into YAML (JSON) or text. */
    private void body(JsonNode target, String field, ObjectNode into, List<String> reasons) {
        if (!target.hasNonNull(field)) {
            return;
        }
        String text;
        try {
            byte[] bytes = Base64.getDecoder().decode(target.get(field).asText());
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            reasons.add("its " + field + " is not base64 of UTF-8 text (binary payloads cannot be written in the catalog)");
            return;
        }
        String withPlaceholders = placeholders(text);
        // Only JSON the plan would send back byte for byte (canonical, P16) becomes YAML; other text stays text.
        try {
            JsonNode json = CloudJobs.JSON.readTree(withPlaceholders);
            if (json != null && json.isContainerNode() && CanonicalJson.of(json).equals(withPlaceholders)) {
                into.set(field, json);
                return;
            }
        } catch (JsonProcessingException e) {
            // plain text
        }
        into.put(field, withPlaceholders);
    }

    /** The headers to keep; {@code into} already holds the decoded body (a JSON one implies its Content-Type). */
    private void headers(JsonNode target, ObjectNode into, List<String> notes, List<String> reasons) {
        JsonNode headers = target.get("headers");
        if (headers == null || !headers.isObject()) {
            return;
        }
        ObjectNode kept = CloudJobs.JSON.createObjectNode();
        boolean jsonBody = into.has("body") && into.get("body").isContainerNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            String value = h.getValue().asText();
            if (Headers.isCredential(h.getKey())) {
                reasons.add("it sends a credential in the plain-text header " + h.getKey() + ", which the catalog"
                        + " forbids (P10): give the job auth: oidc or oauth instead, then import it");
            } else if (Secrets.isKnownCredential(value)) {
                reasons.add("the header " + h.getKey() + " holds a credential (" + Secrets.MASK + "), which the catalog"
                        + " would keep in plain text (P10): give the job auth: oidc or oauth instead, then import it");
            } else if (Headers.isServiceManaged(h.getKey())) {
                notes.add("the header " + h.getKey() + " is set by Cloud Scheduler itself and is left out");
            } else if (!(lower.equals("content-type") && value.equals("application/json") && jsonBody)) {
                kept.put(h.getKey(), value);
            }
        }
        if (!kept.isEmpty()) {
            into.set("headers", kept);
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<String> reasons) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                reasons.add("it has the field " + prefix + field + ", which this program does not know how to keep");
            }
        }
    }

    /** The stack's own values become placeholders, so one catalog entry serves every stack. */
    private String placeholders(String text) {
        return text.replace(stack.project(), "${project}")
                .replace(stack.projectNumber(), "${projectNumber}")
                .replace(stack.region(), "${region}");
    }
}
