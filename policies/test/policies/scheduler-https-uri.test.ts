import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerHttpsUri } from "../../src/policies/scheduler-https-uri";
import { httpJob, t, validateResource } from "../helpers";

describe("scheduler-https-uri", () => {
    it("passes https", async () => {
        assert.deepEqual((await validateResource(schedulerHttpsUri, t.JOB, httpJob())).violations, []);
    });

    it("reports http:// with the https URL to use", async () => {
        const job = httpJob();
        job.httpTarget.uri = "http://backup.internal.example/run?x=1";
        const { violations } = await validateResource(schedulerHttpsUri, t.JOB, job);
        assert.deepEqual(violations, [
            'HTTP target uri "http://backup.internal.example/run?x=1" uses http, not https: the token and body would travel unencrypted. Fix: use https://backup.internal.example/run?x=1.',
        ]);
    });

    it("reports a missing or relative uri and one longer than 2083 characters", async () => {
        const none = httpJob();
        delete none.httpTarget.uri;
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, none)).violations[0], /HTTP target has no uri/);
        const relative = httpJob();
        relative.httpTarget.uri = "/train";
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, relative)).violations[0], /is not an absolute URL/);
        const long = httpJob();
        long.httpTarget.uri = `${long.httpTarget.uri}?q=${"a".repeat(2100)}`;
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, long)).violations[0], /at most 2083/);
    });
});
