import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerReservedHeaders } from "../../src/policies/scheduler-reserved-headers";
import { httpJob, t, validateResource } from "../helpers";

describe("scheduler-reserved-headers", () => {
    it("passes Content-Type", async () => {
        assert.deepEqual((await validateResource(schedulerReservedHeaders, t.JOB, httpJob())).violations, []);
    });

    it("reports headers the service rejects or rewrites, and duplicates", async () => {
        const job = httpJob();
        Object.assign(job.httpTarget.headers, { "User-Agent": "cqc", "X-Google-Foo": "1", "Content-Length": "3", "content-type": "text/plain" });
        const { violations } = await validateResource(schedulerReservedHeaders, t.JOB, job);
        assert.deepEqual(violations, [
            'httpTarget.headers["User-Agent"] is replaced by Cloud Scheduler (R6.4, P3). Fix: remove the header.',
            'httpTarget.headers["X-Google-Foo"] cannot be set (X-Google-* is reserved) (R6.4, P3). Fix: remove the header.',
            'httpTarget.headers["Content-Length"] cannot be set (the API computes it) (R6.4, P3). Fix: remove the header.',
            'httpTarget.headers sets "Content-Type" and "content-type", the same header twice (R6.4). Fix: keep one.',
        ]);
    });
});
