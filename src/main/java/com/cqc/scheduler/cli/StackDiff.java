package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.model.Alerting;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The effective differences between two stacks for promotion review: settings, then pipeline by
 * pipeline and field by field. Values that differ only by the stack's own project, project number,
 * region or environment name (the expected differences) are not shown.
 */
final class StackDiff {
    /** One field that differs; {@code from} or {@code to} is null where the field is absent. */
    record Change(String path, String from, String to) {}

    private StackDiff() {}

    static String render(Plan from, Plan to) {
        StringBuilder out = new StringBuilder();
        String a = from.model().settings().stack();
        String b = to.model().settings().stack();
        out.append("Differences ").append(a).append(" -> ").append(b)
                .append(" (values that differ only by the stack's project, project number, region or environment name are left out)\n");
        List<Change> settings = settings(from.model().settings(), to.model().settings());
        out.append("\nstack settings\n");
        settings.forEach(c -> change(out, "  ", c));
        if (settings.isEmpty()) {
            out.append("  no differences\n");
        }
        Map<String, List<Change>> stackWide = resources(from, from.stackResources(), to, to.stackResources());
        out.append("\nstack-wide resources (APIs, failure alerting)\n");
        stackWide.forEach((resource, changes) -> {
            out.append("  ").append(resource).append('\n');
            changes.forEach(c -> change(out, "    ", c));
        });
        if (stackWide.isEmpty()) {
            out.append("  no differences\n");
        }
        Set<String> pipelines = new LinkedHashSet<>();
        from.model().pipelines().forEach(p -> pipelines.add(p.id()));
        to.model().pipelines().forEach(p -> pipelines.add(p.id()));
        int changed = 0;
        for (String id : pipelines) {
            Map<String, List<Change>> byResource = pipeline(from, to, id);
            if (byResource.isEmpty()) {
                continue;
            }
            changed++;
            out.append('\n').append(id).append('\n');
            byResource.forEach((resource, changes) -> {
                out.append("  ").append(resource).append('\n');
                changes.forEach(c -> change(out, "    ", c));
            });
        }
        out.append('\n');
        if (settings.isEmpty() && stackWide.isEmpty() && changed == 0) {
            out.append("No differences.\n");
        } else {
            out.append("Differences: ").append(settings.size()).append(" stack setting(s), ").append(stackWide.size())
                    .append(" stack-wide resource(s), ").append(changed).append(" of ").append(pipelines.size())
                    .append(" pipelines.\n");
        }
        return out.toString();
    }

    static List<Change> settings(StackSettings a, StackSettings b) {
        List<Change> out = new ArrayList<>();
        add(out, "gcp:project", a.project(), b.project());
        add(out, "gcp:region", a.region(), b.region());
        add(out, "environment", a.environment(), b.environment());
        add(out, "projectNumber", a.projectNumber(), b.projectNumber());
        add(out, "appEngineRegion", a.appEngineRegion(), b.appEngineRegion());
        add(out, "protectStateful", String.valueOf(a.protectStateful()), String.valueOf(b.protectStateful()));
        add(out, "topicRetention", Durations.human(a.topicRetention()), Durations.human(b.topicRetention()));
        Alerting x = a.alerting();
        Alerting y = b.alerting();
        add(out, "alerting.enabled", String.valueOf(x.enabled()), String.valueOf(y.enabled()));
        add(out, "alerting.failedAttempts", String.valueOf(x.failedAttempts()), String.valueOf(y.failedAttempts()));
        add(out, "alerting.window", Durations.human(x.window()), Durations.human(y.window()));
        add(out, "alerting.emails", Values.flow(x.emails()), Values.flow(y.emails()));
        add(out, "alerting.channels", Values.flow(x.channels()), Values.flow(y.channels()));
        add(out, "alerting.slackChannel", x.slackChannel().orElse(null), y.slackChannel().orElse(null));
        return out;
    }

    /** The changes of one pipeline, keyed by resource ({@code type name}), in registration order. */
    static Map<String, List<Change>> pipeline(Plan from, Plan to, String id) {
        return resources(from, from.resourcesOf(id), to, to.resourcesOf(id));
    }

    /** The changes between two lists of resources, matched by type and name, in registration order. */
    static Map<String, List<Change>> resources(Plan from, List<PlannedResource> fromResources, Plan to,
                                               List<PlannedResource> toResources) {
        Map<String, PlannedResource> a = byName(fromResources);
        Map<String, PlannedResource> b = byName(toResources);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        Map<String, List<Change>> out = new LinkedHashMap<>();
        for (String name : names) {
            PlannedResource ra = a.get(name);
            PlannedResource rb = b.get(name);
            List<Change> changes = new ArrayList<>();
            if (ra == null || rb == null) {
                changes.add(new Change("(resource)", ra == null ? null : "present", rb == null ? null : "present"));
            } else {
                Map<String, String> fa = flatten(ra, from.model().settings());
                Map<String, String> fb = flatten(rb, to.model().settings());
                Set<String> keys = new LinkedHashSet<>(fa.keySet());
                keys.addAll(fb.keySet());
                for (String k : keys) {
                    String va = fa.get(k);
                    String vb = fb.get(k);
                    if (!Objects.equals(normalise(va, from.model().settings()), normalise(vb, to.model().settings()))) {
                        changes.add(new Change(k, va, vb));
                    }
                }
            }
            if (!changes.isEmpty()) {
                PlannedResource r = ra == null ? rb : ra;
                out.put(PlanTable.shortType(r.type()) + "  " + r.name(), changes);
            }
        }
        return out;
    }

    private static Map<String, PlannedResource> byName(List<PlannedResource> resources) {
        Map<String, PlannedResource> out = new LinkedHashMap<>();
        resources.forEach(r -> out.put(r.type() + "::" + r.name(), r));
        return out;
    }

    private static Map<String, String> flatten(PlannedResource r, StackSettings s) {
        Map<String, String> out = new TreeMap<>();
        flatten("", r.props(), out);
        out.put("(protect)", String.valueOf(r.options().protect()));
        out.put("(retainOnDelete)", String.valueOf(r.options().retainOnDelete()));
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (value != null) {
            String text = value instanceof String s ? s : Values.flow(value);
            if (prefix.endsWith(".body") || prefix.endsWith(".data")) {
                text = Payload.decode(text);
            }
            out.put(prefix, text);
        }
    }

    /** Replaces what every stack has of its own, so only real differences remain. */
    private static String normalise(String value, StackSettings s) {
        if (value == null) {
            return null;
        }
        String out = value.replace(s.project(), "${project}").replace(s.projectNumber(), "${projectNumber}")
                .replace(s.region(), "${region}");
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(s.environment()) + "(?![a-z0-9])").matcher(out)
                .replaceAll("\\${environment}");
    }

    private static void add(List<Change> out, String path, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(new Change(path, a, b));
        }
    }

    private static void change(StringBuilder out, String indent, Change c) {
        out.append(String.format("%s%-34s %s -> %s%n", indent, c.path(), shown(c.path(), c.from()), shown(c.path(), c.to())));
    }

    /** A value as printed: credentials masked (a header or attribute named for one, or a value shaped like one). */
    private static String shown(String path, String value) {
        return value == null ? "(absent)" : Shown.leaf(path, value);
    }
}
