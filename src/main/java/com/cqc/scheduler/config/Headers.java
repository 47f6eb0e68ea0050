package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Payload;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Header rules of HTTP and App Engine targets (R6.4, R8.5): what the service sets or strips can never
 * be sent (it would show as a permanent diff, P3), credentials never live in headers (P10: a header named for one,
 * or a value shaped like one, as anywhere in plain config: {@link PlainTextCredentials}), and a JSON
 * body gets its Content-Type (P6).
 */
public final class Headers {
    private static final Set<String> SERVICE_MANAGED = Set.of("content-length", "host", "user-agent");
    private static final int MAX_TOTAL_BYTES = 80 * 1024;

    private Headers() {}

    /** A header that carries a credential (API keys, tokens, Authorization, cookies...): never stored in plain text (P10). */
    public static boolean isCredential(String name) {
        return Secrets.isCredentialHeader(name);
    }

    /** A header Cloud Scheduler sets or strips itself (R6.4, P3): never sent, and no drift when present. */
    public static boolean isServiceManaged(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SERVICE_MANAGED.contains(lower) || lower.startsWith("x-google-") || lower.startsWith("x-appengine-")
                || lower.startsWith("x-cloudscheduler");
    }

    /** Checks the headers and returns them with a JSON Content-Type added where the body needs one. */
    static Map<String, String> check(ConfigNode target, Map<String, String> headers, Optional<Payload> body,
                                     Problems problems, String rule) {
        Set<String> seen = new HashSet<>();
        int total = 0;
        String path = target.path("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            String at = path + "." + name;
            if (!seen.add(lower)) {
                problems.error(at, "header '" + name + "' is repeated (names are case-insensitive)", rule);
            }
            Optional<String> credential = PlainTextCredentials.refusal(h.getValue());
            if (isCredential(name)) {
                problems.textError(at, "'" + name + "' carries a credential (an API key, token, password or cookie),"
                        + " which would be stored in plain text in the job and in Pulumi state; use auth: oidc or oauth,"
                        + " or have the target read its key from Secret Manager", "R6.5");
            } else if (credential.isPresent()) {
                problems.textError(at, credential.get(), PlainTextCredentials.RULE);
            } else if (Secrets.looksLikeSecret(h.getValue())) {
                problems.warning(at, "the value looks like a key ([masked] here); it is stored in plain text in the job"
                        + " and in Pulumi state, so make sure it is not a credential", "R6.5");
            } else if (isServiceManaged(name)) {
                problems.error(at, "'" + name + "' is set or stripped by Cloud Scheduler and cannot be sent:"
                        + " not Content-Length, Host, User-Agent, X-Google-*, X-AppEngine-*, X-CloudScheduler*", rule);
            }
            total += name.getBytes(StandardCharsets.UTF_8).length + h.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total >= MAX_TOTAL_BYTES) {
            problems.error(path, "headers take " + total + " bytes; the total must stay under 80 KB", rule);
        }
        Map<String, String> out = new LinkedHashMap<>(headers);
        if (body.isPresent() && body.get().json() && !seen.contains("content-type")) {
            out.put("Content-Type", "application/json");
        }
        return out;
    }
}
