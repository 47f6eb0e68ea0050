package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Secrets;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user is shown of resource inputs, the planned ones and the deployed ones alike, by the rule of
 * {@link Secrets}: a header or Pub/Sub attribute named for a credential is {@value Secrets#MASK} whatever it
 * holds; any other header or attribute value has its credential-shaped parts masked; a job's body or data
 * is masked in its decoded text (and stays base64, of the masked text, or as it is when nothing needs
 * masking); a Pulumi secret is {@value #SECRET}, also when an export holds its plaintext.
 * <p>
 * The plan JSON's resources keep their other text as sent: the policy pack judges it, and it passed the
 * loader. A value that is compared with a deployed one (the table, the JSON's operations) has every text
 * masked where it looks like a credential, as {@code drift} and {@code diff} do: a state file may hold
 * anything.
 */
final class Shown {
    static final String SECRET = "[secret]";
    private static final Set<String> NAMED_VALUES = Set.of("headers", "attributes");

    private Shown() {}

    /** A resource's props as the plan JSON lists them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> props) {
        return (Map<String, Object>) walk(null, props, false);
    }

    /** The value of the top-level input {@code field}, from the plan or from a state, for people. */
    static Object value(String field, Object value) {
        return walk(field, value, true);
    }

    /**
     * A leaf of flattened props ({@code httpTarget.headers.X-Api-Key}) for people: masked whole when it
     * is a header or attribute named for a credential, else where its text looks like one.
     */
    static String leaf(String path, String text) {
        for (String named : NAMED_VALUES) {
            int at = ("." + path).indexOf("." + named + ".");
            if (at >= 0 && Secrets.isCredentialHeader(path.substring(at + named.length() + 1))) {
                return Secrets.MASK;
            }
        }
        return Secrets.mask(text);
    }

    /** The text of a body or message for people: decoded, with what looks like a credential masked. */
    static String decoded(String base64) {
        String text = text(base64);
        return Secrets.mask(text == null ? base64 : text);
    }

    private static Object walk(String key, Object value, boolean everyText) {
        if (DeployedState.isSecret(value)) {
            return SECRET;
        }
        if (value instanceof Map<?, ?> map) {
            String payload = payloadField(key);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                out.put(name, key != null && NAMED_VALUES.contains(key) ? named(name, v)
                        : name.equals(payload) && v instanceof String base64 ? payload(base64) : walk(name, v, everyText));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> walk(key, v, everyText)).toList();
        }
        return everyText && value instanceof String text ? Secrets.mask(text) : value;
    }

    /** A header or attribute: masked whole under a credential's name, else where its text looks like one. */
    private static Object named(String name, Object value) {
        if (Secrets.isCredentialHeader(name)) {
            return Secrets.MASK;
        }
        return value instanceof String text ? Secrets.mask(text) : walk(name, value, true);
    }

    /** A body or message as the JSON shows it: base64, of the masked text when anything is masked. */
    private static String payload(String base64) {
        String text = text(base64);
        if (text == null) {
            return Secrets.mask(base64);
        }
        String shown = Secrets.mask(text);
        return shown.equals(text) ? base64 : new Payload(shown, false).base64();
    }

    /** The decoded text, or null when the value is not base64 (only a state file can hold such a value). */
    private static String text(String base64) {
        try {
            return Payload.decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The body or data field of a job's target object, or null when {@code key} names no target. */
    private static String payloadField(String key) {
        for (Target.Kind kind : Target.Kind.values()) {
            if (kind.apiField().equals(key)) {
                // A switch without default: a new kind of target does not compile until its payload is masked.
                return switch (kind) {
                    case HTTP, APP_ENGINE -> "body";
                    case PUBSUB -> "data";
                };
            }
        }
        return null;
    }
}
