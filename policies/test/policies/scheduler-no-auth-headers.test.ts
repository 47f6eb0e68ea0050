import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerNoAuthHeaders } from "../../src/policies/scheduler-no-auth-headers";
import { appEngineJob, httpJob, pubsubJob, t, validateResource } from "../helpers";

describe("scheduler-no-auth-headers", () => {
    it("passes ordinary headers", async () => {
        assert.deepEqual((await validateResource(schedulerNoAuthHeaders, t.JOB, httpJob())).violations, []);
    });

    for (const name of ["Authorization", "proxy-authorization", "X-Api-Key", "Cookie", "X-Auth-Token", "x-client-secret", "API_KEY"]) {
        it(`reports the ${name} header`, async () => {
            const job = httpJob();
            job.httpTarget.headers[name] = "abc";
            const { violations } = await validateResource(schedulerNoAuthHeaders, t.JOB, job);
            assert.equal(violations.length, 1);
            assert.match(violations[0], new RegExp(`^httpTarget\\.headers\\["${name}"\\] (is|looks like) a credential header: static credentials in a job are stored in plaintext \\(P10\\)`));
        });
    }

    it("reports credential-looking values and secrets on App Engine targets too", async () => {
        const job = appEngineJob();
        job.appEngineHttpTarget.headers = { "X-Custom": "Bearer eyJhbGciOi", "X-Other": "[secret]" };
        const { violations } = await validateResource(schedulerNoAuthHeaders, t.JOB, job);
        assert.deepEqual(violations.map((v) => v.split(":")[0]), [
            'appEngineHttpTarget.headers["X-Custom"] has a value that looks like a credential ("Bearer ...")',
            'appEngineHttpTarget.headers["X-Other"] carries a secret value',
        ]);
    });

    it("honours extraForbiddenHeaders and allowedHeaders", async () => {
        const job = httpJob();
        job.httpTarget.headers["X-Tenant"] = "cqc";
        job.httpTarget.headers["X-Session-Id"] = "trace-1";
        const { violations } = await validateResource(schedulerNoAuthHeaders, t.JOB, job, { extraForbiddenHeaders: ["x-tenant"], allowedHeaders: ["X-Session-Id"] });
        assert.deepEqual(violations.map((v) => v.split(":")[0]), ['httpTarget.headers["X-Tenant"] is forbidden by this stack\'s policy config']);
    });

    it("is not applicable to a job without headers", async () => {
        assert.ok((await validateResource(schedulerNoAuthHeaders, t.JOB, pubsubJob())).notApplicable);
    });
});
