import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PROVIDER_DEFAULT_DEADLINE } from "../../src/lib/job";
import { schedulerRetryBounds } from "../../src/policies/scheduler-retry-bounds";
import { appEngineJob, httpJob, pubsubJob, t, validateResource } from "../helpers";

describe("scheduler-retry-bounds", () => {
    it("passes complete retry configs on HTTP, Pub/Sub and App Engine jobs", async () => {
        for (const job of [httpJob(), pubsubJob(), appEngineJob()]) {
            assert.deepEqual((await validateResource(schedulerRetryBounds, t.JOB, job, { minRetryCount: 1 })).violations, []);
        }
    });

    it("reports a missing retryConfig (P2)", async () => {
        const job = httpJob();
        delete job.retryConfig;
        const { violations } = await validateResource(schedulerRetryBounds, t.JOB, job);
        assert.deepEqual(violations, [
            "the job has no retryConfig, so the API's defaults apply and the provider shows drift (P2). " +
                "Fix: send retryConfig {retryCount (0..5), maxRetryDuration, minBackoffDuration, maxBackoffDuration, maxDoublings}.",
        ]);
    });

    it("reports missing fields by name", async () => {
        const job = httpJob();
        delete job.retryConfig.maxDoublings;
        delete job.retryConfig.maxRetryDuration;
        const { violations } = await validateResource(schedulerRetryBounds, t.JOB, job);
        assert.deepEqual(violations.map((v) => v.split(":")[0]), ["retryConfig lacks maxRetryDuration and maxDoublings"]);
    });

    it("reports retryCount outside the stack's bounds (prod requires at least 1)", async () => {
        const zero = httpJob();
        zero.retryConfig.retryCount = 0;
        const { violations } = await validateResource(schedulerRetryBounds, t.JOB, zero, { minRetryCount: 1, maxRetryCount: 5 });
        assert.deepEqual(violations, [
            "retryConfig.retryCount 0 is outside this stack's bounds 1..5 (the API allows 0..5, R5.1). Fix: set retry.count to a whole number from 1 to 5.",
        ]);
        assert.deepEqual((await validateResource(schedulerRetryBounds, t.JOB, zero)).violations, [], "0 is fine where the minimum is 0");
        const seven = httpJob();
        seven.retryConfig.retryCount = 7;
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, seven)).violations[0], /retryCount 7 is outside this stack's bounds 0\.\.5/);
    });

    it("reports bad durations, min > max backoff, and a backoff above the limit", async () => {
        const job = httpJob();
        job.retryConfig.minBackoffDuration = "5m";
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, job)).violations[0], /retryConfig\.minBackoffDuration "5m" is not a duration/);
        const inverted = httpJob();
        inverted.retryConfig.minBackoffDuration = "600s";
        inverted.retryConfig.maxBackoffDuration = "60s";
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, inverted)).violations[0], /minBackoffDuration "600s" is longer than maxBackoffDuration "60s" \(R5\.7\)/);
        const long = httpJob();
        long.retryConfig.maxBackoffDuration = "7200s";
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, long)).violations[0], /maxBackoffDuration "7200s" exceeds this stack's limit of 3600s \(1h\)/);
    });

    it("reports an unlimited maxRetryDuration when the stack bounds it", async () => {
        const { violations } = await validateResource(schedulerRetryBounds, t.JOB, httpJob(), { maxRetryDurationSeconds: 3600 });
        assert.match(violations[0], /maxRetryDuration "0s" means retrying without a time limit; this stack allows at most 3600s \(1h\)/);
    });

    it("reports attemptDeadline on a Pub/Sub job (P1, R4.4) unless it is the provider's default (P13)", async () => {
        for (const deadline of ["60s", "0s", "180.5s", "181s", "3m"]) {
            const job = pubsubJob();
            job.attemptDeadline = deadline;
            const { violations } = await validateResource(schedulerRetryBounds, t.JOB, job);
            assert.deepEqual(violations, [
                `attemptDeadline "${deadline}" is set on a Pub/Sub job: the API ignores it and the provider shows a diff on every preview (R4.4, P1). ` +
                    `Fix: leave attemptDeadline unset for Pub/Sub targets (the provider's own default "180s" is accepted, P13).`,
            ], deadline);
        }
    });

    it("accepts the provider's default attemptDeadline \"180s\" on a Pub/Sub job: its Check fills it into every job (P13)", async () => {
        const job = pubsubJob();
        job.attemptDeadline = PROVIDER_DEFAULT_DEADLINE;
        assert.equal(PROVIDER_DEFAULT_DEADLINE, "180s");
        assert.deepEqual((await validateResource(schedulerRetryBounds, t.JOB, job)).violations, []);
        // ... and still checks the rest of the job.
        job.retryConfig.retryCount = 9;
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, job)).violations.join("\n"), /retryCount 9 is outside/);
    });

    it("reports attemptDeadline outside the target's range", async () => {
        const http = httpJob();
        http.attemptDeadline = "3600s";
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, http)).violations[0], /attemptDeadline "3600s" is outside 15s\.\.30m for HTTP targets \(R4\.2\)/);
        const ae = appEngineJob();
        ae.attemptDeadline = "0s";
        assert.deepEqual((await validateResource(schedulerRetryBounds, t.JOB, ae)).violations, [], "0 means the App Engine default");
        ae.attemptDeadline = "5s";
        assert.match((await validateResource(schedulerRetryBounds, t.JOB, ae)).violations[0], /for App Engine targets \(R4\.3\)/);
    });
});
