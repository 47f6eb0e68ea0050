package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.Invoker;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks how an HTTP target authenticates: the token it sends (R6.5-R6.7) and the one grant
 * that lets the token's account call the target (R10.5).
 */
final class AuthReader {
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,47}[a-z0-9])?");

    private final Problems problems;
    private final Placeholders placeholders;

    AuthReader(Problems problems, Placeholders placeholders) {
        this.problems = problems;
        this.placeholders = placeholders;
    }

    /** The token an HTTP target sends to {@code uri}, or empty when it has errors (already recorded). */
    Optional<Auth> auth(ConfigNode n, URI uri) {
        String path = n.path("auth");
        if (!n.has("auth")) {
            if (n.misspelt("auth")) {   // the typo is the one error
                return Optional.empty();
            }
            problems.error(path, "is required: oidc (Cloud Run, Cloud Functions, other endpoints),"
                    + " oauth (*.googleapis.com) or none", "R6.6");
            return Optional.empty();
        }
        ConfigNode spec;
        String type;
        if (n.raw("auth").isObject()) {
            spec = n.object("auth").orElseThrow();
            spec.allowOnly(List.of("type", "audience", "scope"));
            type = spec.text("type").orElse("");
        } else if (!n.raw("auth").isValueNode()) {   // a list: neither a word nor a map
            n.wrongType("auth");
            return Optional.empty();
        } else {
            spec = new ConfigNode(null, path, problems);
            type = n.text("auth").orElse("");
        }
        if (!tokenFieldsMatch(spec, type)) {
            return Optional.empty();
        }
        boolean googleApi = uri.getHost().toLowerCase(Locale.ROOT).endsWith(".googleapis.com");
        switch (type) {
            case "oidc" -> {
                if (googleApi) {
                    problems.error(path, "'oidc' for " + uri.getHost() + ": Google APIs take OAuth access"
                            + " tokens; use auth: oauth", "R6.6");
                    return Optional.empty();
                }
                String base = uri.getScheme() + "://" + uri.getAuthority();
                String audience = spec.text("audience").map(a -> placeholders.expand(a, spec.path("audience"), problems))
                        .orElse(base);
                return Optional.of(new Auth.Oidc(audience));
            }
            case "oauth" -> {
                if (!googleApi) {
                    problems.error(path, "'oauth' for " + uri.getHost() + ": OAuth tokens are only for"
                            + " *.googleapis.com; use auth: oidc", "R6.6");
                    return Optional.empty();
                }
                return Optional.of(new Auth.OAuth(spec.text("scope").orElse(Auth.CLOUD_PLATFORM_SCOPE)));
            }
            case "none" -> {
                problems.warning(path, "the job calls " + uri.getHost() + " without a token; every CQC HTTP target"
                        + " should authenticate (policy scheduler-http-auth rejects it in staging and prod)", "R6.6");
                return Optional.of(new Auth.None());
            }
            default -> {
                // Like a wrong type, an error of the text alone (auth takes these words or a map).
                problems.textError(path, "'" + type + "' is not an auth type; allowed: oidc, oauth, none", "R6.5");
                return Optional.empty();
            }
        }
    }

    /**
     * A job sends exactly one token (R6.5): an audience belongs to OIDC, a scope to OAuth, and neither to
     * none. Both together (say a stack that switched the type over a catalog's audience) is an error,
     * never one silently dropped.
     */
    private boolean tokenFieldsMatch(ConfigNode spec, String type) {
        boolean audience = spec.has("audience");
        boolean scope = spec.has("scope");
        String wrong = audience && scope ? "names both an OIDC audience and an OAuth scope; a job sends one token, so keep"
                + " audience (type: oidc) or scope (type: oauth)"
                : scope && type.equals("oidc") ? "type oidc with a scope: a scope belongs to an OAuth token; remove scope"
                + " or set type: oauth"
                : audience && type.equals("oauth") ? "type oauth with an audience: an audience belongs to an OIDC token;"
                + " remove audience or set type: oidc"
                : (audience || scope) && type.equals("none") ? "type none with " + (audience ? "an audience" : "a scope")
                + ": a job without a token has neither; remove it or choose oidc or oauth" : null;
        if (wrong != null) {
            problems.error(spec.path(), wrong, "R6.5");
        }
        return wrong == null;
    }

    /** The grant that lets the token reach its target; {@code auth} empty when it had errors of its own. */
    Invoker invoker(ConfigNode n, Optional<Auth> auth) {
        String path = n.path("invoker");
        boolean token = auth.isPresent() && auth.get().sendsToken();
        if (!n.has("invoker")) {
            if (token && !n.misspelt("invoker")) {
                problems.error(path, "is required with a token: cloudRunService: NAME, function: NAME (gen2),"
                        + " projectRole: ROLE, or none for an endpoint outside Google Cloud IAM", "R10.5");
            }
            return new Invoker.None();
        }
        if (n.raw("invoker").isTextual() && n.raw("invoker").asText().equals("none")) {
            return new Invoker.None();
        }
        Optional<ConfigNode> spec = n.object("invoker");
        if (spec.isEmpty()) {
            return new Invoker.None();
        }
        ConfigNode s = spec.get();
        s.allowOnly(List.of("cloudRunService", "function", "projectRole"));
        if (s.keys().size() != 1) {
            problems.error(path, "names " + s.keys().size() + " grants; give exactly one of cloudRunService,"
                    + " function or projectRole", "R10.5");
            return new Invoker.None();
        }
        if (auth.isPresent() && !token) {   // an auth with an error of its own says nothing about the invoker
            problems.error(path, "grants access to a job that sends no token; set auth to oidc or oauth, or drop"
                    + " the invoker", "R10.5");
        }
        String key = s.keys().get(0);
        String value = s.text(key).orElse("");
        if (key.equals("projectRole")) {
            if (!Invoker.PROJECT_ROLE_ALLOWLIST.contains(value)) {
                String why = List.of("roles/owner", "roles/editor", "roles/viewer").contains(value)
                        ? " (basic roles are never granted)" : "";
                problems.error(s.path(key), "'" + value + "' is not an allowed invoker role" + why + "; allowed: "
                        + String.join(", ", Invoker.PROJECT_ROLE_ALLOWLIST.stream().sorted().toList()), "R10.5");
            }
            return new Invoker.ProjectRole(value);
        }
        if (!SERVICE_NAME.matcher(value).matches()) {
            problems.error(s.path(key), "'" + value + "' is not a Cloud Run service or function name"
                    + " (lowercase letters, digits and -, 1..49 characters, starting with a letter)", "R10.5");
        }
        return new Invoker.CloudRunService(value);
    }
}
