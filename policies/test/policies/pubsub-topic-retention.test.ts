import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pubsubTopicRetention } from "../../src/policies/pubsub-topic-retention";
import { t, topic, validateResource } from "../helpers";

describe("pubsub-topic-retention", () => {
    it("passes one day of retention", async () => {
        assert.deepEqual((await validateResource(pubsubTopicRetention, t.TOPIC, topic())).violations, []);
    });

    it("reports no retention and retention out of range", async () => {
        const none = topic();
        delete none.messageRetentionDuration;
        assert.deepEqual((await validateResource(pubsubTopicRetention, t.TOPIC, none)).violations, [
            'the topic sets no messageRetentionDuration, so a published run cannot be replayed. Fix: set messageRetentionDuration, e.g. "86400s".',
        ]);
        const short = { ...topic(), messageRetentionDuration: "60s" };
        assert.match((await validateResource(pubsubTopicRetention, t.TOPIC, short)).violations[0], /messageRetentionDuration "60s" is outside 10m\.\.31d/);
    });
});
