import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prodProtected } from "../../src/policies/prod-protected";
import { child, httpJob, input, pipeline, t, topic, trainingPipeline, validateStack } from "../helpers";

describe("prod-protected", () => {
    it("passes protected topics and service accounts, and ignores jobs and components", async () => {
        const p = pipeline("daily-data-ingestion");
        const r = await validateStack(prodProtected, [
            p,
            child(p, t.TOPIC, "daily-data-ingestion-topic", topic(), { protect: true }),
            child(p, t.JOB, "daily-data-ingestion-job", httpJob()),
            ...trainingPipeline(),
        ]);
        assert.deepEqual(r.byResource, []);
    });

    it("reports an unprotected topic and service account with their URNs", async () => {
        const p = pipeline("daily-data-ingestion");
        const sa = child(p, t.SERVICE_ACCOUNT, "daily-data-ingestion-sa", { accountId: "sch-ingest" });
        const r = await validateStack(prodProtected, [p, child(p, t.TOPIC, "daily-data-ingestion-topic", topic()), sa]);
        assert.deepEqual(r.byResource, [
            "daily-data-ingestion-topic: Topic daily-data-ingestion-topic is not protected, so a pulumi destroy, a rename or a refactor would delete it. " +
                "Fix: register it with protect(true) (the stack's protect setting), or run `pulumi state protect` for an existing resource.",
            "daily-data-ingestion-sa: Account daily-data-ingestion-sa is not protected, so a pulumi destroy, a rename or a refactor would delete it. " +
                "Fix: register it with protect(true) (the stack's protect setting), or run `pulumi state protect` for an existing resource.",
        ]);
    });

    it("checks the configured resource types only", async () => {
        const r = await validateStack(prodProtected, [input(t.TOPIC, topic())], { resourceTypes: [t.SERVICE_ACCOUNT] });
        assert.equal(r.notApplicable, "the stack has none of the protected resource types");
    });

    it("is advisory unless the stack's config says otherwise", () => {
        assert.equal(prodProtected.enforcementLevel, "advisory");
    });
});
