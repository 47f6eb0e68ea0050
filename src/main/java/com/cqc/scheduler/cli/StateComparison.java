package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps {@code pulumi preview} would take from a deployed state to the plan, resource by resource
 * (matched by URN, as the engine does): create, update, replace, delete or nothing, with the input
 * fields that differ. Replacement follows the fields the gcp provider forces new ({@link ReplaceRules}).
 * Keyed by URN so a test can hold the operations against the real engine's preview on the same state.
 */
final class StateComparison {
    /** The operation of one resource, with Pulumi's symbol and word. */
    enum Op {
        CREATE("+", "create"), UPDATE("~", "update"), REPLACE("+-", "replace"), DELETE("-", "delete"), SAME(" ", "");

        final String symbol;
        final String word;

        Op(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }
    }

    /** One input field that differs; {@code from}/{@code to} are null where the field is absent. */
    record FieldChange(String field, Object from, Object to, boolean forcesReplacement) {}

    /**
     * One resource's step. {@code planned} is null for a delete; {@code deployed} is null for a create.
     * A change of protection alone is not an operation (the engine only rewrites the state).
     */
    record Step(String urn, String type, String name, Op op, List<FieldChange> changes,
                PlannedResource planned, DeployedState.Resource deployed) {
        boolean protectChanges() {
            return planned != null && deployed != null && planned.options().protect() != deployed.protect();
        }
    }

    private StateComparison() {}

    /** Every resource against an empty stack: all creates. */
    static List<Step> againstEmpty(Plan plan) {
        return plan.resources().stream()
                .map(r -> new Step(r.urn(), r.type(), r.name(), Op.CREATE, List.of(), r, null)).toList();
    }

    /** The steps from {@code state} to {@code plan}: the plan's resources in order, then the deletes. */
    static List<Step> compare(Plan plan, DeployedState state) {
        List<Step> out = new ArrayList<>();
        Set<String> planned = new LinkedHashSet<>();
        for (PlannedResource r : plan.resources()) {
            planned.add(r.urn());
            DeployedState.Resource old = state.resources().get(r.urn());
            if (old == null) {
                out.add(new Step(r.urn(), r.type(), r.name(), Op.CREATE, List.of(), r, null));
                continue;
            }
            List<FieldChange> changes = r.custom() ? changes(r.type(), old.inputs(), r.props()) : List.of();
            Op op = changes.isEmpty() ? Op.SAME
                    : changes.stream().anyMatch(FieldChange::forcesReplacement) ? Op.REPLACE : Op.UPDATE;
            out.add(new Step(r.urn(), r.type(), r.name(), op, changes, r, old));
        }
        for (DeployedState.Resource old : state.resources().values()) {
            if (!planned.contains(old.urn()) && !old.type().equals(DeployedState.STACK_TYPE)) {
                String name = old.urn().substring(old.urn().lastIndexOf("::") + 2);
                out.add(new Step(old.urn(), old.type(), name, Op.DELETE, List.of(), null, old));
            }
        }
        return out;
    }

    /** The operation per URN (what a comparison with the engine's preview needs). */
    static Map<String, Op> operations(List<Step> steps) {
        Map<String, Op> out = new LinkedHashMap<>();
        steps.forEach(s -> out.put(s.urn(), s.op()));
        return out;
    }

    /** Top-level input fields that differ; nested values are compared whole and shown whole. */
    static List<FieldChange> changes(String type, Map<String, Object> deployed, Map<String, Object> planned) {
        Set<String> fields = new LinkedHashSet<>();
        planned.keySet().forEach(fields::add);
        deployed.keySet().stream().filter(k -> !k.startsWith("__")).forEach(fields::add);   // __defaults: the bridge's bookkeeping
        List<FieldChange> out = new ArrayList<>();
        for (String field : fields) {
            Object from = Values.typed(deployed.get(field));
            Object to = Values.typed(planned.get(field));
            if (!same(from, to)) {
                out.add(new FieldChange(field, from, to, ReplaceRules.forcesReplacement(type, field)));
            }
        }
        return out;
    }

    /** Equal values; a secret on both sides cannot be compared offline and counts as unchanged. */
    private static boolean same(Object a, Object b) {
        if (secret(a) && secret(b)) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** The plan writes secrets as "[secret]"; an export holds them as a signed ciphertext object. */
    private static boolean secret(Object value) {
        return "[secret]".equals(value)
                || value instanceof Map<?, ?> m && m.containsKey("4dabf18193072939515e22adb298388d");
    }
}
