package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.infra.ScheduledPipeline;
import com.cqc.scheduler.config.Json;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.cqc.scheduler.schedule.Schedule;
import com.cqc.scheduler.cli.StateComparison.Op;
import com.cqc.scheduler.cli.StateComparison.Step;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan for people, laid out like {@code pulumi preview}: a header that says what it compares
 * against, the resource tree with short type names and one operation each, the settings of what is
 * created (or the fields that change) in YAML flow syntax, each job's declared and resolved schedule
 * and next fire times, and the closing {@code Resources:} summary.
 */
final class PlanTable {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter UTC_DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm");
    private static final String AFTER_APPLY = "(known after apply)";
    private static final int WIDTH = 130;

    /** What the plan is compared with: nothing (every resource a create) or a {@code pulumi stack export}. */
    record Baseline(String description, List<Step> steps, boolean empty) {
        static Baseline empty(Plan plan) {
            return new Baseline(null, StateComparison.againstEmpty(plan), true);
        }

        static Baseline state(Plan plan, DeployedState state, String file) {
            return new Baseline(file, StateComparison.compare(plan, state), false);
        }
    }

    private final Plan plan;
    private final Baseline baseline;
    private final Map<String, Pipeline> jobs = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private PlanTable(Plan plan, Baseline baseline) {
        this.plan = plan;
        this.baseline = baseline;
        for (Pipeline p : plan.model().pipelines()) {
            plan.resourcesOf(p.id()).stream().filter(r -> r.type().equals(ResourceTypes.JOB))
                    .forEach(r -> jobs.put(r.urn(), p));
        }
    }

    static String render(Plan plan) {
        return render(plan, Baseline.empty(plan));
    }

    static String render(Plan plan, Baseline baseline) {
        PlanTable table = new PlanTable(plan, baseline);
        table.header();
        table.tree();
        table.summary();
        return table.out.toString();
    }

    /** {@code gcp:cloudscheduler/job:Job} as Pulumi displays it: {@code gcp:cloudscheduler:Job}. */
    static String shortType(String type) {
        String[] parts = type.split(":");
        if (parts.length == 3 && parts[1].contains("/")) {
            return parts[0] + ":" + parts[1].substring(0, parts[1].indexOf('/')) + ":" + parts[2];
        }
        return type;
    }

    private void header() {
        StackSettings s = plan.model().settings();
        out.append("Previewing stack ").append(s.stack()).append(" (project ").append(s.project()).append(", region ")
                .append(s.region()).append(")");
        if (baseline.empty()) {
            out.append(" against an empty stack: nothing is deployed, so every resource is a create.\n")
                    .append("To plan against what is deployed, pass --state FILE (the output of `pulumi stack export`).\n");
        } else {
            out.append(" against the deployed state in ").append(baseline.description()).append(".\n");
        }
        out.append("Offline: the real program on Pulumi's mock engine. Outputs only the cloud knows (job state, IAM etags,"
                + " unique ids) are ").append(AFTER_APPLY).append(".\n\n");
    }

    // ---- the tree ------------------------------------------------------------------------------

    private record Node(Step step, List<Node> children) {}

    private void tree() {
        List<Node> roots = new ArrayList<>();
        Map<String, Node> byUrn = new LinkedHashMap<>();
        for (Step step : baseline.steps()) {
            Node node = new Node(step, new ArrayList<>());
            byUrn.put(step.urn(), node);
            String parent = step.planned() != null ? step.planned().parentUrn() : step.deployed().parent();
            Node parentNode = parent == null ? null : byUrn.get(parent);
            (parentNode == null ? roots : parentNode.children()).add(node);
        }
        List<String[]> rows = new ArrayList<>();
        List<List<String>> details = new ArrayList<>();
        String stackName = StackLoader.PROJECT + "-" + plan.model().settings().stack();
        rows.add(new String[] {stackOp().symbol, ResourceTypes.STACK, stackName, stackOp().word, ""});
        details.add(List.of());
        for (int i = 0; i < roots.size(); i++) {
            walk(roots.get(i), "", i == roots.size() - 1, rows, details);
        }
        int typeWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(4) + 2;
        int nameWidth = rows.stream().mapToInt(r -> r[2].length()).max().orElse(4) + 2;
        out.append(String.format("     %-" + typeWidth + "s%-" + nameWidth + "s%-9s%s%n", "Type", "Name", "Plan", "Info"));
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            out.append(String.format(" %-3s %-" + typeWidth + "s%-" + nameWidth + "s%-9s%s", r[0], r[1], r[2], r[3], r[4])
                    .stripTrailing()).append('\n');
            for (String line : details.get(i)) {
                out.append("     ").append(line).append('\n');
            }
        }
    }

    /** The stack resource: created with the first deployment, there already when a state is given. */
    private Op stackOp() {
        return baseline.empty() ? Op.CREATE : Op.SAME;
    }

    private void walk(Node node, String indent, boolean last, List<String[]> rows, List<List<String>> details) {
        Step step = node.step();
        rows.add(new String[] {step.op().symbol, indent + (last ? "└─ " : "├─ ") + shortType(step.type()), step.name(),
                step.op().word, info(step)});
        String childIndent = indent + (last ? "   " : "│  ");
        String bar = childIndent + (node.children().isEmpty() ? "   " : "│  ");
        details.add(details(step).stream().map(line -> bar + line).toList());
        for (int i = 0; i < node.children().size(); i++) {
            walk(node.children().get(i), childIndent, i == node.children().size() - 1, rows, details);
        }
    }

    private String info(Step step) {
        List<String> notes = new ArrayList<>();
        PlannedResource r = step.planned();
        if (r != null && r.type().equals(ScheduledPipeline.TYPE)) {
            plan.model().pipelines().stream().filter(p -> p.id().equals(r.name())).findFirst()
                    .ifPresent(p -> notes.add(p.target().kind().label() + " job" + (p.paused() ? ", paused" : "")));
        }
        if (r != null && jobs.containsKey(r.urn()) && Boolean.TRUE.equals(r.props().get("paused"))) {
            notes.add("paused");
        }
        if (step.op() == Op.UPDATE || step.op() == Op.REPLACE) {
            notes.add("[diff: " + String.join(" ", step.changes().stream().map(c -> "~" + c.field()).toList()) + "]");
        }
        if (r != null) {
            if (step.protectChanges()) {
                notes.add("protect: " + step.deployed().protect() + " => " + r.options().protect());
            } else if (r.options().protect()) {
                notes.add("[protect]");
            }
            if (r.options().retainOnDelete()) {
                notes.add("[retain on delete]");
            }
            if (r.options().deleteBeforeReplace()) {
                notes.add("[delete before replace]");
            }
        } else if (step.deployed().protect()) {
            notes.add("protected: the delete fails until it is unprotected");
        }
        if (step.op() == Op.REPLACE && step.deployed().protect()) {
            notes.add("protected: the replace fails until it is unprotected");
        }
        return String.join("  ", notes);
    }

    // ---- details under a resource ----------------------------------------------------------------

    private List<String> details(Step step) {
        List<String> lines = new ArrayList<>();
        PlannedResource r = step.planned();
        Pipeline p = r == null ? null : jobs.get(r.urn());
        if (step.op() == Op.CREATE && r.custom()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            r.props().forEach((field, value) -> shown.put(field, Shown.value(field, value)));
            lines.addAll(r.type().equals(ResourceTypes.JOB) ? job(p, shown) : settings(r.type(), shown));
        }
        for (ProviderDiff.Change c : step.changes()) {
            lines.addAll(change(c));
        }
        if (p != null) {
            if (step.op() != Op.CREATE) {
                lines.add(0, schedule(p, r.props()));
            }
            lines.addAll(nextRuns(p));
        }
        return lines;
    }

    /**
     * {@code ~ field: old => new}, {@code + field: new} or {@code - field: old}, as Pulumi's diff writes
     * them; inside objects only the leaves that differ ({@code ~ retryConfig.retryCount: 1 => 3}). Which
     * leaves differ is decided on the values; what is printed is what {@link Shown} lets people see.
     */
    private static List<String> change(ProviderDiff.Change c) {
        List<String> lines = new ArrayList<>();
        change(c.field(), new Side(c.from(), Shown.value(c.field(), c.from())), new Side(c.to(), Shown.value(c.field(), c.to())),
                c.forcesReplacement() ? "  (forces replacement)" : "", lines);
        return lines;
    }

    /** One side of a change: the value, and what is shown of it. */
    private record Side(Object value, Object shown) {
        Side get(Object key) {
            return new Side(((Map<?, ?>) value).get(key), ((Map<?, ?>) shown).get(key));
        }

        boolean isMap() {
            return value instanceof Map<?, ?> && shown instanceof Map<?, ?>;
        }

        String flow() {
            return Values.flow(shown);
        }
    }

    private static void change(String path, Side from, Side to, String tail, List<String> lines) {
        if (from.isMap() && to.isMap()) {
            Set<Object> keys = new LinkedHashSet<>(((Map<?, ?>) from.value()).keySet());
            keys.addAll(((Map<?, ?>) to.value()).keySet());
            for (Object k : keys) {
                Object a = from.get(k).value();
                Object b = to.get(k).value();
                boolean unsetAndEmpty = b == null && Values.flow(a).matches("\\{}|\\[]|\"\"|null|false|0");
                if (!unsetAndEmpty && !Values.flow(a).equals(Values.flow(b))) {
                    change(path + "." + k, from.get(k), to.get(k), tail, lines);
                }
            }
        } else if (from.value() == null) {
            lines.add("+ " + path + ": " + to.flow() + tail);
        } else if (to.value() == null) {
            lines.add("- " + path + ": " + from.flow() + tail);
        } else {
            lines.add("~ " + path + ": " + from.flow() + " => " + to.flow() + tail);
        }
    }

    /** The inputs worth reading per type, in reading order; other types show every input but the project. */
    private static final Map<String, List<String>> SHOWN = Map.of(
            ResourceTypes.PROJECT_SERVICE, List.of("service", "disableOnDestroy"),
            ResourceTypes.TOPIC, List.of("name", "messageRetentionDuration", "labels"),
            ResourceTypes.TOPIC_IAM_MEMBER, List.of("role", "member", "topic"),
            ResourceTypes.SERVICE_ACCOUNT, List.of("accountId", "displayName"),
            ResourceTypes.CLOUD_RUN_IAM_MEMBER, List.of("role", "member", "name", "location"),
            ResourceTypes.PROJECT_IAM_MEMBER, List.of("role", "member"),
            ResourceTypes.LOG_METRIC, List.of("name", "filter"),
            ResourceTypes.NOTIFICATION_CHANNEL, List.of("type", "displayName", "labels"));

    private static List<String> settings(String type, Map<String, Object> props) {
        if (type.equals(ResourceTypes.ALERT_POLICY)) {
            return alertPolicy(props);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        List<String> fields = SHOWN.get(type);
        if (fields == null) {
            shown.putAll(props);
            shown.remove("project");
        } else {
            fields.forEach(f -> shown.put(f, props.get(f)));
        }
        return wrap(shown);
    }

    private static List<String> alertPolicy(Map<String, Object> p) {
        List<String> lines = new ArrayList<>();
        lines.add("displayName: " + Values.flow(p.get("displayName")));
        if (p.get("conditions") instanceof List<?> conditions) {
            for (Object c : conditions) {
                if (c instanceof Map<?, ?> condition) {
                    lines.add("condition: " + Values.flow(condition.get("displayName")));
                }
            }
        }
        lines.add("notificationChannels: " + Values.flow(p.get("notificationChannels")));
        return lines;
    }

    /** A job: schedule, target, credentials, payload, retries; its name, region and pause are in the tree. */
    @SuppressWarnings("unchecked")
    private static List<String> job(Pipeline pipeline, Map<String, Object> p) {
        List<String> lines = new ArrayList<>();
        lines.add(schedule(pipeline, p));
        for (Target.Kind kind : Target.Kind.values()) {
            if (p.get(kind.apiField()) instanceof Map<?, ?> target) {
                lines.addAll(target(kind, (Map<String, Object>) target));
                break;   // a job has one target (R9.7)
            }
        }
        Map<String, Object> rest = new LinkedHashMap<>();
        rest.put("retryConfig", p.get("retryConfig"));
        rest.put("attemptDeadline", p.get("attemptDeadline") == null ? "none (Pub/Sub target)" : p.get("attemptDeadline"));
        lines.addAll(wrap(rest));
        return lines;
    }

    /** The job's target; a switch without default, so a new kind of target does not compile until it is shown. */
    private static List<String> target(Target.Kind kind, Map<String, Object> t) {
        List<String> lines = new ArrayList<>();
        return switch (kind) {
            case HTTP -> {
                lines.add("httpTarget: " + t.get("httpMethod") + " " + t.get("uri"));
                Map<String, Object> tokens = new LinkedHashMap<>();
                tokens.put("oidcToken", t.get("oidcToken"));
                tokens.put("oauthToken", t.get("oauthToken"));
                lines.addAll(wrap(tokens));
                lines.addAll(payload(t, "body", "headers"));
                yield lines;
            }
            case PUBSUB -> {
                lines.add("pubsubTarget: " + t.get("topicName"));
                lines.addAll(payload(t, "data", "attributes"));
                yield lines;
            }
            case APP_ENGINE -> {
                Map<String, Object> routing = new LinkedHashMap<>();
                routing.put("appEngineRouting", t.get("appEngineRouting"));
                lines.add("appEngineHttpTarget: " + t.get("httpMethod") + " " + t.get("relativeUri")
                        + (t.get("appEngineRouting") == null ? "" : ", " + wrap(routing).get(0)));
                lines.addAll(payload(t, "body", "headers"));
                yield lines;
            }
        };
    }

    /**
     * Headers or attributes, and the body or data decoded from base64: JSON shown as a YAML flow value.
     * The target is as {@link Shown} shows it: what looks like a credential is masked (never printed).
     */
    private static List<String> payload(Map<String, Object> target, String payloadKey, String metaKey) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(metaKey, target.get(metaKey));
        if (target.get(payloadKey) instanceof String base64) {
            String text = Shown.decoded(base64);
            Object value = text;
            try {
                value = Json.parseValue(text);
            } catch (JsonProcessingException notJson) {
                // plain text: shown as a quoted string
            }
            fields.put(payloadKey, value);
        }
        return wrap(fields);
    }

    /** The declared cron and, when {@code H} tokens were resolved, the one sent to Cloud Scheduler. */
    private static String schedule(Pipeline p, Map<String, Object> props) {
        if (p == null) {
            return "schedule: " + Values.quoted(String.valueOf(props.get("schedule"))) + ", timeZone: " + props.get("timeZone");
        }
        String declared = p.schedule().declared();
        String sent = p.schedule().expression();
        return "schedule: " + Values.quoted(sent) + (declared.equals(sent) ? "" : " (declared " + Values.quoted(declared) + ")")
                + ", timeZone: " + p.timeZone().getId();
    }

    private List<String> nextRuns(Pipeline p) {
        if (p.paused()) {
            return List.of("next runs: none while paused");
        }
        if (!(p.schedule() instanceof Schedule.Cron)) {
            return List.of("next runs: not computed for the legacy schedule format");
        }
        List<ZonedDateTime> runs = plan.nextRuns().getOrDefault(p.id(), List.of());
        if (runs.isEmpty()) {
            return List.of();   // --runs 0
        }
        boolean utc = p.timeZone().normalized().equals(ZoneOffset.UTC);
        List<String> items = runs.stream().map(t -> utc ? WHEN.format(t) : zonedShort(t)).toList();
        return wrapItems("next runs (" + (utc ? "UTC" : p.timeZone().getId() + ", then UTC") + "): ", items);
    }

    /** {@code Tue 2026-12-01 09:00 +00:00 = 09:00 UTC}, naming the UTC day when it differs. */
    private static String zonedShort(ZonedDateTime t) {
        ZonedDateTime utc = t.withZoneSameInstant(ZoneOffset.UTC);
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
        return WHEN.format(t) + " " + offset + " = "
                + (utc.toLocalDate().equals(t.toLocalDate()) ? UTC_TIME : UTC_DAY_TIME).format(utc) + " UTC";
    }

    /** {@code Sun 2026-11-29 09:00 +00:00 | Sun 2026-11-29 09:00 UTC}. */
    static String zonedAndUtc(ZonedDateTime t) {
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
        return WHEN.format(t) + " " + offset + " | " + WHEN.format(t.withZoneSameInstant(ZoneOffset.UTC)) + " UTC";
    }

    /** {@code key: value} pairs in YAML flow syntax, as many to a line as fit. */
    private static List<String> wrap(Map<String, Object> fields) {
        List<String> items = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                items.add(k + ": " + Values.flow(v));
            }
        });
        return wrapItems("", items);
    }

    private static List<String> wrapItems(String head, List<String> items) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(head);
        String indent = " ".repeat(Math.min(head.length(), 4));
        for (String item : items) {
            boolean first = line.length() == 0 || line.toString().equals(head);
            if (!first && line.length() + 2 + item.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                first = true;
            }
            line.append(first ? "" : ", ").append(item);
        }
        if (line.length() > 0 && !line.toString().isBlank()) {
            lines.add(line.toString());
        }
        return lines;
    }

    // ---- the summary -----------------------------------------------------------------------------

    private void summary() {
        Map<Op, Integer> counts = new EnumMap<>(Op.class);
        counts.merge(stackOp(), 1, Integer::sum);
        baseline.steps().forEach(s -> counts.merge(s.op(), 1, Integer::sum));
        out.append("\nResources:\n");
        for (Op op : List.of(Op.CREATE, Op.UPDATE, Op.DELETE, Op.REPLACE)) {
            int n = counts.getOrDefault(op, 0);
            if (n > 0) {
                out.append("    ").append(op.symbol).append(op.symbol.length() == 1 ? " " : "").append(n)
                        .append(" to ").append(op.word).append('\n');
            }
        }
        int same = counts.getOrDefault(Op.SAME, 0);
        int changes = baseline.steps().size() + 1 - same;
        if (same > 0) {
            out.append("    ").append(changes == 0 ? "" : changes + (changes == 1 ? " change. " : " changes. "))
                    .append(same).append(" unchanged\n");
        }
        long paused = plan.model().pipelines().stream().filter(Pipeline::paused).count();
        out.append("\nPipelines: ").append(plan.model().pipelines().size()).append(" (").append(paused).append(" paused).");
        List<Problem> warnings = plan.model().warnings();
        out.append(warnings.isEmpty() ? " No warnings.\n" : " " + warnings.size() + " warning(s):\n");
        warnings.forEach(w -> out.append("  warning: ").append(w).append('\n'));
    }
}
