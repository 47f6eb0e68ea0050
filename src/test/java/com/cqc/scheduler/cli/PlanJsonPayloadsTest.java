package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Secrets;
import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Target;
import com.cqc.scheduler.offline.Plan;
import com.cqc.scheduler.offline.PlannedResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's body or Pub/Sub message in the plan JSON follows the table's rule: when its decoded text holds
 * something credential-shaped, that part is masked (the field stays base64, of the masked text); otherwise
 * the field is exactly what the API gets (the sandbox compares those bytes with the cloud's).
 */
class PlanJsonPayloadsTest {
    /**
     * Keys that look random: the loader refuses a well-known credential shape in a body or message (P10,
     * PlainTextCredentialsTest), so these are what can still reach a plan there.
     */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.of("q8Xz2LmN4pR7tV9wY1bC3dF5gH", "Zr7Pq2Wx9Lm4Nb6Vc8Kd3Hs", "Xk4Jm9Qa2Lp7Wd5Rb8Tn3Gy");
    }

    @Provide
    Arbitrary<Target.Kind> kinds() {
        return Arbitraries.of(Target.Kind.class);
    }

    /** The payload as written in the catalog: plain text or a YAML map (sent as JSON). */
    @Provide
    Arbitrary<String> shapes() {
        return Arbitraries.of("\"key=VALUE&n=1\"", "{token: \"VALUE\", n: 1}");
    }

    private static String payloadField(Target.Kind kind) {
        return kind == Target.Kind.PUBSUB ? "data" : "body";
    }

    /** The base64 payload the API gets (the plan's resource) and the one the plan JSON shows. */
    private static String[] sentAndShown(Target.Kind kind, String payload) throws Exception {
        Plan plan = OnePipelinePlan.of(kind, payload);
        PlannedResource job = plan.resources().stream().filter(r -> r.type().equals(ResourceTypes.JOB)).findFirst().orElseThrow();
        String sent = String.valueOf(((Map<?, ?>) job.props().get(kind.apiField())).get(payloadField(kind)));
        JsonNode json = new ObjectMapper().readTree(PlanJson.render(plan));
        String shown = null;
        for (JsonNode r : json.get("resources")) {
            if (r.get("type").asText().equals(ResourceTypes.JOB)) {
                shown = r.get("props").get(kind.apiField()).get(payloadField(kind)).asText();
            }
        }
        return new String[] {sent, shown};
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aCredentialInABodyOrMessageIsMaskedInTheDecodedText(@ForAll("kinds") Target.Kind kind, @ForAll("shapes") String shape,
                                                            @ForAll("secrets") String secret) throws Exception {
        String[] sentAndShown = sentAndShown(kind, shape.replace("VALUE", secret));
        String sent = Payload.decode(sentAndShown[0]);
        String shown = Payload.decode(sentAndShown[1]);

        assertThat(sent).contains(secret);
        assertThat(shown).doesNotContain(secret).contains(Secrets.MASK).isEqualTo(Secrets.mask(sent));
    }

    @Property(tries = 60)
    void aBodyOrMessageWithoutOneIsWhatTheApiGets(@ForAll("kinds") Target.Kind kind, @ForAll("shapes") String shape,
                                                  @ForAll @AlphaChars @StringLength(min = 1, max = 19) String word) throws Exception {
        String[] sentAndShown = sentAndShown(kind, shape.replace("VALUE", word));

        assertThat(Payload.decode(sentAndShown[0])).contains(word);
        assertThat(sentAndShown[1]).isEqualTo(sentAndShown[0]);
    }
}
