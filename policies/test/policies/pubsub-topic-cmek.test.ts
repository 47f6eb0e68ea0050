import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pubsubTopicCmek } from "../../src/policies/pubsub-topic-cmek";
import { t, topic, validateResource } from "../helpers";

describe("pubsub-topic-cmek", () => {
    const key = "projects/cqc-ml-prod/locations/europe-west2/keyRings/pubsub/cryptoKeys/topics";

    it("is disabled unless a stack turns it on", () => {
        assert.equal(pubsubTopicCmek.enforcementLevel, "disabled");
    });

    it("passes a topic with a KMS key", async () => {
        assert.deepEqual((await validateResource(pubsubTopicCmek, t.TOPIC, { ...topic(), kmsKeyName: key })).violations, []);
    });

    it("reports a topic without kmsKeyName", async () => {
        const { violations } = await validateResource(pubsubTopicCmek, t.TOPIC, topic());
        assert.match(violations[0], /^the topic has no kmsKeyName, so Google-managed keys encrypt it\. Fix: set kmsKeyName/);
    });

    it("reports a key outside the configured pattern", async () => {
        const { violations } = await validateResource(pubsubTopicCmek, t.TOPIC, { ...topic(), kmsKeyName: key }, { keyPattern: "^projects/cqc-kms/" });
        assert.deepEqual(violations, [`kmsKeyName "${key}" does not match this stack's key pattern ^projects/cqc-kms/. Fix: use the stack's own key.`]);
    });
});
