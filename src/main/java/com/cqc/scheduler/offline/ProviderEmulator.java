package com.cqc.scheduler.offline;

import com.cqc.scheduler.infra.ResourceTypes;
import com.pulumi.test.Mocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Pulumi mocks that answer like the gcp provider 7.0.0: the same resource ids (a topic is
 * {@code projects/P/topics/T}) and the computed values that are fixed by the inputs (a service account's
 * {@code email}), so wiring between resources is exercised offline. What only the cloud knows after
 * apply (a job's state, IAM etags, unique ids) is listed in {@link #afterApply(String)} and left out.
 * An unknown resource type fails the run: the emulator must grow with the program, never guess.
 */
public final class ProviderEmulator implements Mocks {
    private record Emulation(Function<Map<String, Object>, String> id,
                             Function<Map<String, Object>, Map<String, Object>> computed,
                             List<String> afterApply) {}

    private static final Map<String, Emulation> TYPES = Map.ofEntries(
            Map.entry(ResourceTypes.JOB, new Emulation(
                    in -> "projects/" + in.get("project") + "/locations/" + in.get("region") + "/jobs/" + in.get("name"),
                    in -> Map.of(), List.of("state"))),
            Map.entry(ResourceTypes.TOPIC, new Emulation(
                    in -> "projects/" + in.get("project") + "/topics/" + in.get("name"),
                    in -> Map.of(), List.of())),
            Map.entry(ResourceTypes.TOPIC_IAM_MEMBER, new Emulation(
                    in -> in.get("topic") + "/" + in.get("role") + "/" + in.get("member"),
                    in -> Map.of(), List.of("etag"))),
            Map.entry(ResourceTypes.SERVICE_ACCOUNT, new Emulation(
                    in -> "projects/" + in.get("project") + "/serviceAccounts/" + email(in),
                    in -> Map.of("email", email(in), "member", "serviceAccount:" + email(in),
                            "name", "projects/" + in.get("project") + "/serviceAccounts/" + email(in)),
                    List.of("uniqueId"))),
            Map.entry(ResourceTypes.CLOUD_RUN_IAM_MEMBER, new Emulation(
                    in -> "projects/" + in.get("project") + "/locations/" + in.get("location") + "/services/"
                            + in.get("name") + "/" + in.get("role") + "/" + in.get("member"),
                    in -> Map.of(), List.of("etag"))),
            Map.entry(ResourceTypes.PROJECT_IAM_MEMBER, new Emulation(
                    in -> in.get("project") + "/" + in.get("role") + "/" + in.get("member"),
                    in -> Map.of(), List.of("etag"))),
            Map.entry(ResourceTypes.PROJECT_SERVICE, new Emulation(
                    in -> in.get("project") + "/" + in.get("service"),
                    in -> Map.of(), List.of())),
            Map.entry(ResourceTypes.LOG_METRIC, new Emulation(
                    in -> String.valueOf(in.get("name")),
                    in -> Map.of(), List.of())),
            Map.entry(ResourceTypes.NOTIFICATION_CHANNEL, new Emulation(
                    in -> "projects/" + in.get("project") + "/notificationChannels/(known after apply)",
                    in -> Map.of("name", "projects/" + in.get("project") + "/notificationChannels/(known after apply)"),
                    List.of("name", "verificationStatus"))),
            Map.entry(ResourceTypes.ALERT_POLICY, new Emulation(
                    in -> "projects/" + in.get("project") + "/alertPolicies/(known after apply)",
                    in -> Map.of(), List.of("name", "creationRecords"))));

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (ResourceTypes.isComponent(args.type)) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), Map.of()));
        }
        Emulation emulation = TYPES.get(args.type);
        if (emulation == null) {
            throw new IllegalArgumentException("the provider emulator does not know the resource type " + args.type
                    + " (" + args.name + "); teach it the id and computed values the gcp provider returns");
        }
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        state.putAll(emulation.computed().apply(args.inputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(emulation.id().apply(args.inputs)), state));
    }

    /** The output properties of a type that only the cloud knows after apply. */
    public static List<String> afterApply(String type) {
        Emulation emulation = TYPES.get(type);
        return emulation == null ? List.of() : emulation.afterApply();
    }

    private static String email(Map<String, Object> inputs) {
        return inputs.get("accountId") + "@" + inputs.get("project") + ".iam.gserviceaccount.com";
    }
}
