import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerHttpAuth } from "../../src/policies/scheduler-http-auth";
import { UNKNOWN_STRING } from "../../src/lib/sdk";
import { appEngineJob, httpJob, INVOKER, oauthJob, pubsubJob, t, validateResource } from "../helpers";

describe("scheduler-http-auth", () => {
    it("passes an OIDC job and an OAuth job", async () => {
        assert.deepEqual((await validateResource(schedulerHttpAuth, t.JOB, httpJob())).violations, []);
        assert.deepEqual((await validateResource(schedulerHttpAuth, t.JOB, oauthJob())).violations, []);
    });

    it("reports an HTTP target without a token", async () => {
        const job = httpJob();
        delete job.httpTarget.oidcToken;
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.equal(violations.length, 1);
        assert.match(violations[0], /^HTTP target https:\/\/x-123456789012\.europe-west2\.run\.app\/train is called without a token/);
        assert.match(violations[0], /Fix: set httpTarget\.oidcToken/);
    });

    it("reports both tokens at once (R6.5)", async () => {
        const job = httpJob();
        job.httpTarget.oauthToken = { serviceAccountEmail: INVOKER };
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.deepEqual(violations.map((v) => v.includes("sets both oidcToken and oauthToken")), [true]);
    });

    it("reports a token without a service account", async () => {
        const job = httpJob();
        job.httpTarget.oidcToken = { audience: "https://x" };
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.match(violations[0], /has an oidcToken without serviceAccountEmail/);
    });

    it("is not applicable to Pub/Sub and App Engine jobs or other resources", async () => {
        assert.equal((await validateResource(schedulerHttpAuth, t.JOB, pubsubJob())).notApplicable, "the job has no HTTP target");
        assert.ok((await validateResource(schedulerHttpAuth, t.JOB, appEngineJob())).notApplicable);
        assert.match((await validateResource(schedulerHttpAuth, t.TOPIC, {})).notApplicable ?? "", /applies only to gcp:cloudscheduler\/job:Job/);
    });

    it("does not give a verdict on an unknown token during preview, but keeps an unknown uri out of the way", async () => {
        const unknownToken = httpJob();
        unknownToken.httpTarget.oidcToken = UNKNOWN_STRING;
        assert.match((await validateResource(schedulerHttpAuth, t.JOB, unknownToken)).unknown ?? "", /oidcToken/);

        const unknownUri = httpJob();
        delete unknownUri.httpTarget.oidcToken;
        unknownUri.httpTarget.uri = UNKNOWN_STRING;
        const { violations, unknown } = await validateResource(schedulerHttpAuth, t.JOB, unknownUri);
        assert.equal(unknown, undefined);
        assert.match(violations[0], /^HTTP target \(known after apply\) is called without a token/);
    });
});
