import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerOauthGoogleapisOnly } from "../../src/policies/scheduler-oauth-googleapis-only";
import { httpJob, INVOKER, oauthJob, t, validateResource } from "../helpers";

describe("scheduler-oauth-googleapis-only", () => {
    it("passes OAuth to *.googleapis.com and OIDC to Cloud Run", async () => {
        assert.deepEqual((await validateResource(schedulerOauthGoogleapisOnly, t.JOB, oauthJob())).violations, []);
        assert.deepEqual((await validateResource(schedulerOauthGoogleapisOnly, t.JOB, httpJob())).violations, []);
    });

    it("reports an OAuth token sent to Cloud Run", async () => {
        const job = httpJob();
        job.httpTarget.oauthToken = { serviceAccountEmail: INVOKER };
        delete job.httpTarget.oidcToken;
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.equal(violations.length, 1);
        assert.match(violations[0], /gets an OAuth access token, but x-123456789012\.europe-west2\.run\.app is not a Google API/);
        assert.match(violations[0], /Fix: replace oauthToken with oidcToken/);
    });

    it("is not fooled by a host that only contains googleapis.com", async () => {
        const job = oauthJob();
        job.httpTarget.uri = "https://dataflow.googleapis.com.attacker.example/launch";
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.match(violations[0], /dataflow\.googleapis\.com\.attacker\.example is not a Google API/);
    });

    it("reports an OIDC token sent to a Google API", async () => {
        const job = oauthJob();
        job.httpTarget.oidcToken = { serviceAccountEmail: INVOKER, audience: "https://dataflow.googleapis.com" };
        delete job.httpTarget.oauthToken;
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.match(violations[0], /is a Google API \(dataflow\.googleapis\.com\), which does not accept OIDC identity tokens/);
    });
});
