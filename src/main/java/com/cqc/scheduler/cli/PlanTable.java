package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Secrets;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The plan for people: resources grouped by pipeline, the settings that matter, and when each job fires. */
final class PlanTable {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
    private static final String AFTER_APPLY = "(known after apply)";

    private PlanTable() {}

    static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        StackSettings s = plan.model().settings();
        long custom = plan.resources().stream().filter(PlannedResource::custom).count();
        out.append("Plan for stack ").append(s.stack()).append(": project ").append(s.project())
                .append(", region ").append(s.region()).append(", ").append(plan.model().pipelines().size())
                .append(" pipelines, ").append(custom).append(" cloud resources (+")
                .append(plan.resources().size() - custom).append(" components)\n");
        out.append("Every resource below is what `pulumi preview` would register; values marked ")
                .append(AFTER_APPLY).append(" exist only once applied.\n");
        List<PlannedResource> stackWide = plan.stackResources();
        if (!stackWide.isEmpty()) {
            out.append("\nstack-wide\n");
            stackWide.forEach(r -> resource(out, r));
        }
        for (Pipeline p : plan.model().pipelines()) {
            out.append('\n').append(p.id()).append("  [").append(p.target().kind()).append(", ")
                    .append(p.paused() ? "PAUSED" : "enabled").append("]\n");
            plan.resourcesOf(p.id()).forEach(r -> resource(out, r));
            List<ZonedDateTime> runs = plan.nextRuns().get(p.id());
            if (runs.isEmpty()) {
                out.append("    next runs: not computed for the legacy schedule format\n");
            } else {
                out.append("    next runs (").append(p.timeZone().getId()).append(" | UTC):\n");
                runs.forEach(t -> out.append("      ").append(zonedAndUtc(t)).append('\n'));
            }
        }
        List<Problem> warnings = plan.model().warnings();
        out.append('\n').append(warnings.isEmpty() ? "No warnings.\n" : warnings.size() + " warning(s):\n");
        warnings.forEach(w -> out.append("  warning: ").append(w).append('\n'));
        return out.toString();
    }

    /** {@code Sun 2026-11-29 09:00 +00:00 | Sun 2026-11-29 09:00 UTC}. */
    static String zonedAndUtc(ZonedDateTime t) {
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
        return WHEN.format(t) + " " + offset + " | " + WHEN.format(t.withZoneSameInstant(ZoneOffset.UTC)) + " UTC";
    }

    private static void resource(StringBuilder out, PlannedResource r) {
        if (!r.custom()) {
            out.append("  + ").append(r.type()).append("  ").append(r.name()).append('\n');
            return;
        }
        out.append("    + ").append(r.type()).append("  ").append(r.name());
        if (r.options().protect()) {
            out.append("  [protected]");
        }
        if (r.options().retainOnDelete()) {
            out.append("  [retained on delete]");
        }
        if (r.options().deleteBeforeReplace()) {
            out.append("  [delete before replace]");
        }
        out.append('\n');
        Map<String, Object> p = r.props();
        switch (r.type()) {
            case "gcp:cloudscheduler/job:Job" -> job(out, p);
            case "gcp:pubsub/topic:Topic" -> line(out, "topic", p.get("name") + ", retention " + p.get("messageRetentionDuration")
                    + ", labels " + p.get("labels"));
            case "gcp:serviceaccount/account:Account" -> line(out, "account", p.get("accountId") + " ("
                    + p.get("displayName") + ")");
            case "gcp:projects/service:Service" -> line(out, "api", p.get("service") + " in " + p.get("project")
                    + (Boolean.FALSE.equals(p.get("disableOnDestroy")) ? ", never disabled on destroy" : ""));
            case "gcp:logging/metric:Metric" -> {
                line(out, "metric", String.valueOf(p.get("name")));
                line(out, "filter", String.valueOf(p.get("filter")));
            }
            case "gcp:monitoring/notificationChannel:NotificationChannel" -> line(out, "channel", p.get("type") + " "
                    + p.get("labels") + (p.containsKey("sensitiveLabels") ? ", token " + p.get("sensitiveLabels") : ""));
            case "gcp:monitoring/alertPolicy:AlertPolicy" -> alertPolicy(out, p);
            default -> {
                if (p.containsKey("role")) {
                    String on = p.containsKey("topic") ? "topic " + p.get("topic")
                            : p.containsKey("name") ? "service " + p.get("name") + " (" + p.get("location") + ")"
                            : "project " + p.get("project");
                    line(out, "grant", p.get("role") + " to " + p.get("member") + " on " + on);
                } else {
                    p.forEach((k, v) -> line(out, k, String.valueOf(v)));
                }
            }
        }
        for (String after : r.afterApply()) {
            line(out, after, AFTER_APPLY);
        }
    }

    @SuppressWarnings("unchecked")
    private static void job(StringBuilder out, Map<String, Object> p) {
        line(out, "job", p.get("name") + " in " + p.get("region") + (Boolean.TRUE.equals(p.get("paused")) ? ", paused" : ""));
        line(out, "schedule", "\"" + p.get("schedule") + "\" " + p.get("timeZone"));
        if (p.get("httpTarget") instanceof Map<?, ?> http) {
            Map<String, Object> h = (Map<String, Object>) http;
            line(out, "target", "HTTP " + h.get("httpMethod") + " " + h.get("uri"));
            if (h.get("oidcToken") instanceof Map<?, ?> oidc) {
                line(out, "auth", "OIDC as " + oidc.get("serviceAccountEmail") + ", audience " + oidc.get("audience"));
            } else if (h.get("oauthToken") instanceof Map<?, ?> oauth) {
                line(out, "auth", "OAuth as " + oauth.get("serviceAccountEmail") + ", scope " + oauth.get("scope"));
            } else {
                line(out, "auth", "none");
            }
            body(out, h);
        } else if (p.get("pubsubTarget") instanceof Map<?, ?> pubsub) {
            line(out, "target", "Pub/Sub " + pubsub.get("topicName"));
            if (pubsub.get("data") != null) {
                line(out, "data", decode(pubsub.get("data")));
            }
            if (pubsub.get("attributes") instanceof Map<?, ?> attributes) {
                line(out, "attributes", String.valueOf(Secrets.maskHeaders(stringKeys(attributes))));
            }
        } else if (p.get("appEngineHttpTarget") instanceof Map<?, ?> appEngine) {
            Map<String, Object> a = (Map<String, Object>) appEngine;
            line(out, "target", "App Engine " + a.get("httpMethod") + " " + a.get("relativeUri")
                    + (a.get("appEngineRouting") == null ? "" : " routing " + a.get("appEngineRouting")));
            body(out, a);
        }
        if (p.get("retryConfig") instanceof Map<?, ?> retry) {
            line(out, "retry", number(retry.get("retryCount")) + " retries, backoff " + retry.get("minBackoffDuration")
                    + ".." + retry.get("maxBackoffDuration") + ", " + number(retry.get("maxDoublings"))
                    + " doublings, max duration " + retry.get("maxRetryDuration"));
        }
        line(out, "deadline", p.get("attemptDeadline") == null ? "not sent (Pub/Sub target)" : String.valueOf(p.get("attemptDeadline")));
    }

    private static void alertPolicy(StringBuilder out, Map<String, Object> p) {
        line(out, "policy", String.valueOf(p.get("displayName")));
        if (p.get("conditions") instanceof List<?> conditions && !conditions.isEmpty()
                && conditions.get(0) instanceof Map<?, ?> condition) {
            line(out, "condition", String.valueOf(condition.get("displayName")));
        }
        line(out, "notify", String.valueOf(p.get("notificationChannels")));
    }

    private static void body(StringBuilder out, Map<String, Object> target) {
        if (target.get("headers") instanceof Map<?, ?> headers) {
            line(out, "headers", String.valueOf(Secrets.maskHeaders(stringKeys(headers))));
        }
        if (target.get("body") != null) {
            line(out, "body", decode(target.get("body")));
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String decode(Object base64) {
        String text = Secrets.mask(Payload.decode(String.valueOf(base64)));
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static String number(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format("        %-10s %s%n", key + ":", value));
    }
}
