import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pubsubTopicCmek } from "../src/policies/pubsub-topic-cmek";
import { pubsubTopicLabels } from "../src/policies/pubsub-topic-labels";
import { pubsubTopicRetention } from "../src/policies/pubsub-topic-retention";
import { saNoUserManagedKeys } from "../src/policies/sa-no-user-managed-keys";
import { t, topic, validateResource } from "./helpers";

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

describe("sa-no-user-managed-keys", () => {
    it("passes a service account without keys", async () => {
        const r = await validateResource(saNoUserManagedKeys, t.SERVICE_ACCOUNT, { accountId: "sch-daily-backup" });
        assert.deepEqual(r.violations, []);
        assert.ok(r.notApplicable);
    });

    it("reports any service account key", async () => {
        const { violations } = await validateResource(saNoUserManagedKeys, t.SERVICE_ACCOUNT_KEY, { serviceAccountId: "projects/cqc-ml-prod/serviceAccounts/sch-x@cqc-ml-prod.iam.gserviceaccount.com" });
        assert.deepEqual(violations, [
            "a key is created for projects/cqc-ml-prod/serviceAccounts/sch-x@cqc-ml-prod.iam.gserviceaccount.com. " +
                "Fix: remove the key; let Cloud Scheduler mint OIDC/OAuth tokens for the account, and use impersonation or workload identity federation elsewhere.",
        ]);
    });

    it("reports HMAC keys too", async () => {
        const { violations } = await validateResource(saNoUserManagedKeys, "gcp:storage/hmacKey:HmacKey", { serviceAccountEmail: "sch-x@cqc-ml-prod.iam.gserviceaccount.com" });
        assert.match(violations[0], /^an HMAC key is created for sch-x@cqc-ml-prod\.iam\.gserviceaccount\.com/);
    });
});
