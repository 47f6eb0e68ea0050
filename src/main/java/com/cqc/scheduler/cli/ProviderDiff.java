package com.cqc.scheduler.cli;

import com.cqc.scheduler.infra.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the gcp provider (7.0.0, bridged from terraform-provider-google) diffs a resource, offline: its
 * Check fills schema defaults into the new inputs; its Diff holds them against the old <em>outputs</em>
 * the way a Terraform plan does: an unset Optional+Computed field keeps the cloud's value, an unset
 * value equals an empty one, DiffSuppressFuncs call some values equal, and a change to a ForceNew
 * field replaces the resource. IAM member resources have no update: every field forces a new one.
 */
final class ProviderDiff {
    /** One top-level input that differs; from/to are the old output and the new input. */
    record Change(String field, Object from, Object to, boolean forcesReplacement) {}

    private record Schema(Set<String> forceNew, Map<String, Object> defaults, Set<String> computed) {}

    private static final Set<String> EVERY_FIELD = Set.of("*");
    private static final Set<String> IAM_COMPUTED = Set.of("project", "location");

    private static final Map<String, Schema> TYPES = Map.of(
            ResourceTypes.JOB, new Schema(Set.of("name", "region", "project"),
                    Map.of("timeZone", "Etc/UTC", "attemptDeadline", "180s"),
                    Set.of("region", "project", "paused", "retryConfig.retryCount", "retryConfig.maxRetryDuration",
                            "retryConfig.minBackoffDuration", "retryConfig.maxBackoffDuration", "retryConfig.maxDoublings")),
            ResourceTypes.TOPIC, new Schema(Set.of("name", "project"), Map.of(), Set.of("project")),
            ResourceTypes.SERVICE_ACCOUNT, new Schema(Set.of("accountId", "project"), Map.of("disabled", false),
                    Set.of("project")),
            ResourceTypes.PROJECT_SERVICE, new Schema(Set.of("service", "project"), Map.of("disableOnDestroy", true),
                    Set.of("project")),
            ResourceTypes.LOG_METRIC, new Schema(Set.of("name", "project"), Map.of(), Set.of("project", "metricDescriptor")),
            ResourceTypes.NOTIFICATION_CHANNEL, new Schema(Set.of("type", "project"),
                    Map.of("enabled", true, "forceDelete", false), Set.of("project")),
            ResourceTypes.ALERT_POLICY, new Schema(Set.of("project"), Map.of("enabled", true), Set.of("project")),
            ResourceTypes.TOPIC_IAM_MEMBER, new Schema(EVERY_FIELD, Map.of(), IAM_COMPUTED),
            ResourceTypes.CLOUD_RUN_IAM_MEMBER, new Schema(EVERY_FIELD, Map.of(), IAM_COMPUTED),
            ResourceTypes.PROJECT_IAM_MEMBER, new Schema(EVERY_FIELD, Map.of(), Set.of()));

    private static final Schema UNKNOWN = new Schema(Set.of(), Map.of(), Set.of());
    private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private ProviderDiff() {}

    /** Whether changing the top-level input {@code field} of a resource of {@code type} replaces it. */
    static boolean forcesReplacement(String type, String field) {
        Set<String> fields = TYPES.getOrDefault(type, UNKNOWN).forceNew();
        return fields == EVERY_FIELD || fields.contains(field);
    }

    /** The new inputs as the provider's Check returns them: schema defaults filled in. */
    static Map<String, Object> checked(String type, Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        TYPES.getOrDefault(type, UNKNOWN).defaults().forEach((k, v) -> {
            if (out.get(k) == null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The top-level fields that differ between a deployed resource ({@code oldInputs} name the fields
     * it was given; {@code oldOutputs} hold what the cloud has, when the export has them) and the
     * program's new inputs.
     */
    static List<Change> changes(String type, Map<String, Object> oldInputs, Map<String, Object> oldOutputs,
                                Map<String, Object> newInputs) {
        Schema schema = TYPES.getOrDefault(type, UNKNOWN);
        Map<String, Object> news = checked(type, newInputs);
        Map<String, Object> olds = oldOutputs.isEmpty() ? oldInputs : oldOutputs;
        Set<String> fields = new LinkedHashSet<>(news.keySet());
        oldInputs.keySet().stream().filter(k -> !k.startsWith("__")).forEach(fields::add);   // __defaults: bridge bookkeeping
        List<Change> out = new ArrayList<>();
        for (String field : fields) {
            Object from = Values.typed(olds.get(field));
            Object to = Values.typed(news.get(field));
            if (differs(schema, field, from, to, news)) {
                out.add(new Change(field, from, to, forcesReplacement(type, field)));
            }
        }
        return out;
    }

    private static boolean differs(Schema schema, String path, Object old, Object now, Map<String, Object> news) {
        if (now == null && schema.computed().contains(path)) {
            return false;   // Optional+Computed and not set: the cloud's value stands (a false or 0 that is set counts)
        }
        if (DeployedState.isSecret(old) && DeployedState.isSecret(now) || suppressed(path, old, now, news)) {
            return false;
        }
        if (old instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
            Set<Object> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            return keys.stream().anyMatch(k -> differs(schema, path + "." + k, a.get(k), b.get(k), news));
        }
        if (old instanceof List<?> a && now instanceof List<?> b) {
            if (a.size() != b.size()) {
                return true;
            }
            for (int i = 0; i < a.size(); i++) {
                if (differs(schema, path + "[" + i + "]", a.get(i), b.get(i), news)) {
                    return true;
                }
            }
            return false;
        }
        if (empty(old) && empty(now)) {
            return false;   // the provider stores an unset value as empty
        }
        if (old instanceof Number x && now instanceof Number y) {
            return x.doubleValue() != y.doubleValue();
        }
        return !Objects.equals(old, now);
    }

    /** The job's DiffSuppressFuncs in terraform-provider-google (resource_cloud_scheduler_job.go). */
    @SuppressWarnings("unchecked")
    private static boolean suppressed(String path, Object old, Object now, Map<String, Object> news) {
        return switch (path) {
            case "attemptDeadline" -> emptyOr(old, "180s") && emptyOr(now, "180s");   // EmptyOrDefaultStringSuppress
            case "httpTarget.uri" -> old instanceof String o && now instanceof String n   // LastSlashDiffSuppress
                    && o.replaceAll("/$", "").equals(n.replaceAll("/$", ""));
            case "httpTarget.oidcToken.audience" -> empty(now) && news.get("httpTarget") instanceof Map<?, ?> h
                    && Objects.equals(old, ((Map<String, Object>) h).get("uri"));   // the API's default audience is the uri
            case "httpTarget.oauthToken.scope" -> empty(now) && CLOUD_PLATFORM.equals(old);
            default -> false;
        };
    }

    private static boolean emptyOr(Object value, String fallback) {
        return empty(value) || fallback.equals(value);
    }

    /** Terraform's zero values: absent, "", 0, false, and empty maps and lists. */
    private static boolean empty(Object v) {
        return v == null || "".equals(v) || Boolean.FALSE.equals(v) || v instanceof Number n && n.doubleValue() == 0
                || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
    }
}
