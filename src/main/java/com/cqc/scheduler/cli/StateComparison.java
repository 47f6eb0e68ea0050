package com.cqc.scheduler.cli;

import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps {@code pulumi preview} would take from a deployed state to the plan, resource by resource
 * (matched by URN, as the engine does): create, update, replace, delete or nothing, with the input
 * fields that differ. Fields are compared the way the gcp provider diffs them ({@link ProviderDiff}).
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

    /**
     * One resource's step. {@code planned} is null for a delete; {@code deployed} is null for a create.
     * A change of protection alone is not an operation (the engine only rewrites the state).
     */
    record Step(String urn, String type, String name, Op op, List<ProviderDiff.Change> changes,
                PlannedResource planned, DeployedState.Resource deployed) {
        boolean protectChanges() {
            return planned != null && deployed != null && planned.options().protect() != deployed.protect();
        }
    }

    private static final String UNKNOWN_CHANNEL = "/notificationChannels/(known after apply)";

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
        List<String> channels = deployedChannelNames(plan, state);
        for (PlannedResource r : plan.resources()) {
            planned.add(r.urn());
            DeployedState.Resource old = state.resources().get(r.urn());
            if (old == null) {
                out.add(new Step(r.urn(), r.type(), r.name(), Op.CREATE, List.of(), r, null));
                continue;
            }
            List<ProviderDiff.Change> changes = r.custom()
                    ? ProviderDiff.changes(r.type(), old.inputs(), old.outputs(), withKnownChannels(r.props(), channels)) : List.of();
            // ignoreChanges: the engine keeps the old input and the provider leaves the field out of its diff (P13).
            changes = changes.stream().filter(c -> !r.options().ignoreChanges().contains(c.field())).toList();
            Op op = changes.isEmpty() ? Op.SAME
                    : changes.stream().anyMatch(ProviderDiff.Change::forcesReplacement) ? Op.REPLACE : Op.UPDATE;
            out.add(new Step(r.urn(), r.type(), r.name(), op, changes, r, old));
        }
        for (DeployedState.Resource old : state.resources().values()) {
            if (!planned.contains(old.urn()) && !old.type().equals(ResourceTypes.STACK)) {
                String name = old.urn().substring(old.urn().lastIndexOf("::") + 2);
                out.add(new Step(old.urn(), old.type(), name, Op.DELETE, List.of(), null, old));
            }
        }
        return out;
    }

    /**
     * The names of the notification channels the plan creates, in order, as the state knows them; null
     * for one that does not exist yet. The mock engine cannot know a channel's server-assigned name,
     * but the real engine reads it from the state of a channel that stays.
     */
    private static List<String> deployedChannelNames(Plan plan, DeployedState state) {
        List<String> out = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            if (r.type().equals(ResourceTypes.NOTIFICATION_CHANNEL)) {
                DeployedState.Resource old = state.resources().get(r.urn());
                out.add(old != null && old.outputs().get("name") instanceof String name ? name : null);
            }
        }
        return out;
    }

    /** An alert policy's channel list with the i-th unknown channel name replaced by the i-th deployed one. */
    private static Map<String, Object> withKnownChannels(Map<String, Object> props, List<String> channels) {
        if (!(props.get("notificationChannels") instanceof List<?> list)) {
            return props;
        }
        List<Object> resolved = new ArrayList<>();
        int created = 0;
        for (Object channel : list) {
            boolean unknown = channel instanceof String text && text.endsWith(UNKNOWN_CHANNEL);
            String known = unknown && created < channels.size() ? channels.get(created) : null;
            created += unknown ? 1 : 0;
            resolved.add(known != null ? known : channel);
        }
        Map<String, Object> out = new LinkedHashMap<>(props);
        out.put("notificationChannels", resolved);
        return out;
    }
}
