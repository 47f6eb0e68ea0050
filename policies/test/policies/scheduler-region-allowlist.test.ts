import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerRegionAllowlist } from "../../src/policies/scheduler-region-allowlist";
import { httpJob, t, validateResource } from "../helpers";

describe("scheduler-region-allowlist", () => {
    it("passes an allowed region", async () => {
        assert.deepEqual((await validateResource(schedulerRegionAllowlist, t.JOB, httpJob())).violations, []);
        const dev = { ...httpJob(), region: "europe-west1" };
        assert.deepEqual((await validateResource(schedulerRegionAllowlist, t.JOB, dev, { allowedRegions: ["europe-west2", "europe-west1"] })).violations, []);
    });

    it("reports a region outside the list, and a missing region", async () => {
        const job = { ...httpJob(), region: "us-central1" };
        assert.deepEqual((await validateResource(schedulerRegionAllowlist, t.JOB, job)).violations, [
            'region "us-central1" is not allowed in this stack. Fix: use one of europe-west2.',
        ]);
        const none = httpJob();
        delete none.region;
        assert.match((await validateResource(schedulerRegionAllowlist, t.JOB, none)).violations[0], /the job sets no region, so it lands in the provider's default region/);
    });
});
