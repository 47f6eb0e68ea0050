import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pubsubTopicLabels } from "../../src/policies/pubsub-topic-labels";
import { t, topic, validateResource } from "../helpers";

describe("pubsub-topic-labels", () => {
    const prod = { expectedLabelValues: { environment: "prod" } };

    it("passes a topic with environment=prod", async () => {
        assert.deepEqual((await validateResource(pubsubTopicLabels, t.TOPIC, topic(), prod)).violations, []);
    });

    it("reports a topic without labels", async () => {
        const tp = topic();
        delete tp.labels;
        assert.deepEqual((await validateResource(pubsubTopicLabels, t.TOPIC, tp, prod)).violations, ["the topic has no environment label. Fix: add labels environment=prod."]);
    });

    it("reports a label with another stack's value, and every missing required label", async () => {
        const tp = { ...topic(), labels: { environment: "dev" } };
        assert.deepEqual((await validateResource(pubsubTopicLabels, t.TOPIC, tp, prod)).violations, ['label environment="dev" does not match this stack (expected "prod"). Fix: set environment=prod.']);
        const { violations } = await validateResource(pubsubTopicLabels, t.TOPIC, tp, { requiredLabels: ["environment", "team", "cost-center"] });
        assert.deepEqual(violations, ["the topic has no team and cost-center labels. Fix: add labels team=<value>, cost-center=<value>."]);
    });

    it("is not applicable to other resources", async () => {
        assert.ok((await validateResource(pubsubTopicLabels, t.JOB, {})).notApplicable);
    });
});
