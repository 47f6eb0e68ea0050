import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerOidcAudience } from "../../src/policies/scheduler-oidc-audience";
import { httpJob, oauthJob, t, validateResource } from "../helpers";

describe("scheduler-oidc-audience", () => {
    it("passes an explicit audience", async () => {
        assert.deepEqual((await validateResource(schedulerOidcAudience, t.JOB, httpJob())).violations, []);
    });

    it("reports a missing audience and suggests the base URL", async () => {
        const job = httpJob();
        delete job.httpTarget.oidcToken.audience;
        const { violations } = await validateResource(schedulerOidcAudience, t.JOB, job);
        assert.deepEqual(violations, [
            "HTTP target https://x-123456789012.europe-west2.run.app/train sends an OIDC token without audience (P4, R6.7). " +
                'Fix: set httpTarget.oidcToken.audience, e.g. "https://x-123456789012.europe-west2.run.app".',
        ]);
    });

    it("is not applicable to OAuth jobs", async () => {
        assert.ok((await validateResource(schedulerOidcAudience, t.JOB, oauthJob())).notApplicable);
    });
});
