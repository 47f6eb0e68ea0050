package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Target;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No credential in plain config (P10). The catalog and the stack files are plain text in the repository, and
 * what they hold reaches Pulumi state, the plan and the Cloud Scheduler job in clear. So a text holding a
 * well-known credential shape ({@link Secrets#knownCredential}: a Bearer or Basic value, a JWT, a Google, GitHub,
 * Slack or AWS key, a password in a URL...) is an error at its path wherever a pipeline or the defaults hold
 * text: a URL's path, query or fragment, a relativeUri, a description, a label or attribute value, any string
 * of a body or message. An HTTP target's URL takes no user info at all: the job authenticates with its token.
 * Only those shapes are refused: an id such as {@code Etl_Job_2024_Daily_Run} or a sentence is no credential.
 * Headers are {@link Headers}' (a header named for a credential is one error whatever it holds), which judges
 * their values by {@link #refusal} too. The message shows the value masked, never as written.
 */
final class PlainTextCredentials {
    static final String RULE = "P10";
    private static final String WHY = "a credential in the catalog or a stack file is plain text there, in Pulumi"
            + " state, in the plan and in the job: send it through the job's OIDC or OAuth token (auth: oidc or oauth)"
            + " or keep it in the target service's own secret store (e.g. Secret Manager)";
    /** What an absolute URL holds before {@code @} in its authority. */
    private static final Pattern USER_INFO = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)@");
    /** A URL or a path, which messages name by its parts. */
    private static final Pattern URL = Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*://|/)\\S*");
    private static final int EXCERPT = 30;

    private PlainTextCredentials() {}

    /** Checks every text of {@code owner}, a pipeline or the defaults, except its target's headers. */
    static void check(ConfigNode owner, Problems problems) {
        for (String key : owner.keys()) {
            JsonNode value = owner.raw(key);
            if (Target.Kind.catalogKeys().contains(key) && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String path = owner.path(key) + "." + e.getKey();
                    if (key.equals(Target.Kind.HTTP.catalogKey()) && e.getKey().equals("url") && e.getValue().isTextual()) {
                        url(path, e.getValue().asText(), problems);
                    } else if (!e.getKey().equals("headers")) {
                        walk(path, e.getValue(), problems);
                    }
                }
            } else {
                walk(owner.path(key), value, problems);
            }
        }
    }

    /** Why {@code text} cannot be written in plain config, when it holds a well-known credential. */
    static Optional<String> refusal(String text) {
        return Secrets.knownCredential(text).map(c -> place(text, c) + " looks like " + c.kind() + " (" + shown(text)
                + "): " + WHY);
    }

    /** Every string at or under {@code node}: list items as {@code path[i]}, map values as {@code path.key}. */
    private static void walk(String path, JsonNode node, Problems problems) {
        if (node.isTextual()) {
            refusal(node.asText()).ifPresent(why -> problems.textError(path, why, RULE));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), problems);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(path + "." + e.getKey(), e.getValue(), problems));
        }
    }

    /** The URL an HTTP target calls: no user info (it would also be the token's default audience), no credential. */
    private static void url(String path, String text, Problems problems) {
        Matcher userInfo = USER_INFO.matcher(text);
        if (userInfo.find()) {
            String shown = text.substring(0, userInfo.start(1)) + Secrets.MASK + text.substring(userInfo.end(1));
            problems.textError(path, "'" + Secrets.mask(shown) + "' has user info before @ (a user name, or a user name and"
                    + " password): Cloud Scheduler HTTP targets authenticate with the job's token (auth: oidc or oauth),"
                    + " and the URL, user info included, is plain text in the stack, in Pulumi state, in the plan and in"
                    + " the job, and the token's default audience; remove it", RULE);
            return;
        }
        refusal(text).ifPresent(why -> problems.textError(path, why, RULE));
    }

    /** Which part of the value holds the credential: a URL's by name, else the value. */
    private static String place(String text, Secrets.Credential found) {
        if (!URL.matcher(text).matches()) {
            return "the value";
        }
        int query = text.indexOf('?');
        int fragment = text.indexOf('#');
        if (fragment >= 0 && found.start() > fragment) {
            return "the URL's fragment";
        }
        if (query >= 0 && found.start() > query) {
            return "the URL's query string";
        }
        Matcher userInfo = USER_INFO.matcher(text);
        return userInfo.find() && found.start() < userInfo.end() ? "the URL's user info" : "the URL's path";
    }

    /** The value masked, quoted, and cut to what is around the first masked part when it is long. */
    private static String shown(String text) {
        String masked = Secrets.mask(text).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        int at = Math.max(0, masked.indexOf(Secrets.MASK));
        int from = Math.max(0, at - EXCERPT);
        int to = Math.min(masked.length(), at + Secrets.MASK.length() + EXCERPT);
        return "'" + (from > 0 ? "..." : "") + masked.substring(from, to) + (to < masked.length() ? "..." : "") + "'";
    }
}
