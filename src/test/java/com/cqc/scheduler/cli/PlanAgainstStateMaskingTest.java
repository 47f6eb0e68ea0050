package com.cqc.scheduler.cli;

import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan --state}: whatever a deployed job holds where a credential can hide, and whatever the plan
 * sends in a body or message, neither the table nor the JSON's operations repeat a credential, on either
 * side of a change; and the change is still listed.
 */
class PlanAgainstStateMaskingTest {
    /** Credential shapes: Google API key, OAuth token, GitHub token, JWT, a random key. */
    private static final List<String> SHAPED = List.of("AIzaSyD4x9Kq2mN8pL5vR7tW3zY6bC1eF0gH2jK",
            "ya29.a0AfB_byC7xYz1234567890abcdefGHIJ", "ghp_1234567890abcdefghijABCDEFGHIJ123456",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ", "q8Xz2LmN4pR7tV9wY1bC3dF5gH");
    /** Keys that look random: what a plan's body or message can still hold (the loader refuses the shapes, P10). */
    private static final List<String> RANDOM = List.of("q8Xz2LmN4pR7tV9wY1bC3dF5gH", "Zr7Pq2Wx9Lm4Nb6Vc8Kd3Hs",
            "Xk4Jm9Qa2Lp7Wd5Rb8Tn3Gy");
    /** A password with no credential shape: only its header's or attribute's name gives it away. */
    private static final String PLAIN_PASSWORD = "hunter2-correct-horse";

    /** Where a deployed job can hold a secret. */
    enum Where {
        /** A header (an attribute of a Pub/Sub job) named for a credential. */
        CREDENTIAL_NAME,
        /** A header or attribute with an innocent name. */
        INNOCENT_NAME,
        /** The body or the message, base64 as the API holds it. */
        PAYLOAD,
        /** A body or message that is not base64. */
        PAYLOAD_NOT_BASE64,
        /** Free text: the description. */
        DESCRIPTION,
        /** The headers or attributes as a secret whose plaintext the export shows (--show-secrets). */
        SECRET_PLAINTEXT
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.oneOf(shaped(), Arbitraries.just(PLAIN_PASSWORD));
    }

    private static String payloadField(Target.Kind kind) {
        return kind == Target.Kind.PUBSUB ? "data" : "body";
    }

    private static String namesField(Target.Kind kind) {
        return kind == Target.Kind.PUBSUB ? "attributes" : "headers";
    }

    /** The state right after an up of {@code plan}, its job's inputs then edited. */
    private static DeployedState deployed(Plan plan, Consumer<Map<String, Object>> job) {
        Map<String, DeployedState.Resource> resources = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            Map<String, Object> inputs = r.custom() ? ProviderDiff.checked(r.type(), Values.typedMap(r.props())) : Map.of();
            if (r.type().equals(ResourceTypes.JOB)) {
                job.accept(inputs);
            }
            resources.put(r.urn(), new DeployedState.Resource(r.urn(), r.type(), r.custom(), r.parentUrn(),
                    r.options().protect(), inputs, Map.of()));
        }
        return new DeployedState("test", resources);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> job, Target.Kind kind) {
        return (Map<String, Object>) job.get(kind.apiField());
    }

    /** The table and the JSON of the plan against the state; asserts the job is an update. */
    private static String[] rendered(Plan plan, DeployedState state) {
        List<StateComparison.Step> steps = StateComparison.compare(plan, state);
        assertThat(steps).filteredOn(s -> s.type().equals(ResourceTypes.JOB))
                .extracting(StateComparison.Step::op).containsExactly(StateComparison.Op.UPDATE);
        return new String[] {PlanTable.render(plan, PlanTable.Baseline.state(plan, state, "state.json")),
                PlanJson.render(plan, steps)};
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void noCredentialTheStateHoldsIsShown(@ForAll Target.Kind kind, @ForAll Where where, @ForAll("secrets") String secret) {
        Assume.that(where == Where.CREDENTIAL_NAME || !secret.equals(PLAIN_PASSWORD));
        Plan plan = OnePipelinePlan.of(kind, "hello");
        DeployedState state = deployed(plan, job -> {
            Map<String, Object> target = target(job, kind);
            switch (where) {
                case CREDENTIAL_NAME -> target.put(namesField(kind),
                        Map.of(kind == Target.Kind.PUBSUB ? "token" : "X-Api-Key", secret));
                case INNOCENT_NAME -> target.put(namesField(kind), Map.of("X-Build", secret));
                case PAYLOAD -> target.put(payloadField(kind), new Payload("{\"key\":\"" + secret + "\"}", true).base64());
                case PAYLOAD_NOT_BASE64 -> target.put(payloadField(kind), "key " + secret);
                case DESCRIPTION -> job.put("description", "note: " + secret);
                case SECRET_PLAINTEXT -> target.put(namesField(kind), Map.of("4dabf18193072939515e22adb298388d",
                        "1b47061264138c4ac30d75fd1eb44270", "plaintext", "{\"X-Build\":\"" + secret + "\"}"));
            }
        });

        String[] tableAndJson = rendered(plan, state);

        for (String output : tableAndJson) {
            assertThat(Readable.of(output)).doesNotContain(secret).containsPattern("\\[(masked|secret)]");
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void noCredentialThePlanSendsIsShownAgainstAState(@ForAll Target.Kind kind, @ForAll("random") String secret) {
        Plan plan = OnePipelinePlan.of(kind, "{key: \"" + secret + "\"}");
        DeployedState state = deployed(plan, job -> target(job, kind).put(payloadField(kind), new Payload("old", false).base64()));

        String[] tableAndJson = rendered(plan, state);

        for (String output : tableAndJson) {
            assertThat(Readable.of(output)).doesNotContain(secret).contains("{\"key\":\"[masked]\"}");
        }
    }

    @Provide
    Arbitrary<String> shaped() {
        return Arbitraries.of(SHAPED);
    }

    @Provide
    Arbitrary<String> random() {
        return Arbitraries.of(RANDOM);
    }
}
