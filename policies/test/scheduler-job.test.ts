import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerExplicitTimezone } from "../src/policies/scheduler-explicit-timezone";
import { schedulerMinInterval } from "../src/policies/scheduler-min-interval";
import { schedulerNoAuthHeaders } from "../src/policies/scheduler-no-auth-headers";
import { schedulerRegionAllowlist } from "../src/policies/scheduler-region-allowlist";
import { schedulerReservedHeaders } from "../src/policies/scheduler-reserved-headers";
import { schedulerRetryBounds } from "../src/policies/scheduler-retry-bounds";
import { resourceArgs, stackTagsFor } from "../src/offline/engine";
import { appEngineJob, configFor, httpJob, input, pubsubJob, t, validateResource } from "./helpers";

describe("scheduler-explicit-timezone", () => {
    it("passes canonical IANA zones", async () => {
        assert.deepEqual((await validateResource(schedulerExplicitTimezone, t.JOB, httpJob())).violations, []);
        assert.deepEqual((await validateResource(schedulerExplicitTimezone, t.JOB, appEngineJob())).violations, []);
    });

    it("reports a job without timeZone and names the configured default", async () => {
        const job = httpJob();
        delete job.timeZone;
        const { violations } = await validateResource(schedulerExplicitTimezone, t.JOB, job, { defaultTimeZone: "Europe/London" });
        assert.deepEqual(violations, [
            'the job has no timeZone, so the API silently uses Etc/UTC (R3.2). Fix: set timeZone explicitly (e.g. "Europe/London" or "Europe/London"), ' +
                'or run this policy at level "remediate" to fill in "Europe/London".',
        ]);
    });

    it("reports an alias of Etc/UTC (P9) and a name that is no zone", async () => {
        const alias = httpJob();
        alias.timeZone = "UTC";
        assert.match((await validateResource(schedulerExplicitTimezone, t.JOB, alias)).violations[0], /^timeZone "UTC" is an alias; the API stores "Etc\/UTC"/);
        const bogus = httpJob();
        bogus.timeZone = "Europe/Londres";
        assert.match((await validateResource(schedulerExplicitTimezone, t.JOB, bogus)).violations[0], /^timeZone "Europe\/Londres" is not an IANA time zone name \(R3\.1\)/);
    });

    it("remediates a missing zone to the configured default and leaves a set one alone", async () => {
        const job = httpJob();
        delete job.timeZone;
        const args = resourceArgs(input(t.JOB, job), configFor(schedulerExplicitTimezone, { defaultTimeZone: "Europe/London" }), stackTagsFor("p"));
        const fixed = await schedulerExplicitTimezone.remediateResource!(args);
        assert.equal((fixed as Record<string, unknown>).timeZone, "Europe/London");
        const untouched = resourceArgs(input(t.JOB, httpJob()), configFor(schedulerExplicitTimezone), stackTagsFor("p"));
        assert.equal(await schedulerExplicitTimezone.remediateResource!(untouched), undefined);
    });
});

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

    it("reports attemptDeadline on a Pub/Sub job (P1, R4.4)", async () => {
        const job = pubsubJob();
        job.attemptDeadline = "180s";
        const { violations } = await validateResource(schedulerRetryBounds, t.JOB, job);
        assert.deepEqual(violations, [
            'attemptDeadline "180s" is set on a Pub/Sub job: the API ignores it and the provider shows a diff on every preview (R4.4, P1). ' +
                "Fix: leave attemptDeadline unset for Pub/Sub targets.",
        ]);
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

describe("scheduler-min-interval", () => {
    const catalog = ["0 2 * * *", "0 0 * * 0", "0 9 1 * *", "0 * * * *", "0 3 * * *", "0 1 * * *", "0 0 * * *", "0 */4 * * *"];

    it("passes every schedule of the CQC catalog at prod's 30 minutes", async () => {
        for (const schedule of catalog) {
            const job = { ...httpJob(), schedule };
            assert.deepEqual((await validateResource(schedulerMinInterval, t.JOB, job, { minimumMinutes: 30 })).violations, [], schedule);
        }
    });

    it("reports a schedule that fires too often, with an example and a suggestion", async () => {
        const job = { ...httpJob(), schedule: "*/10 * * * *" };
        const { violations } = await validateResource(schedulerMinInterval, t.JOB, job, { minimumMinutes: 30 });
        assert.deepEqual(violations, [
            'schedule "*/10 * * * *" runs as often as every 10 minute(s) (e.g. 00:00 then 00:10), more often than this stack\'s minimum of 30 minute(s). ' +
                'Fix: use a coarser schedule such as "*/30 * * * *".',
        ]);
    });

    it("finds the smallest gap in an uneven list and across midnight", async () => {
        const uneven = { ...httpJob(), schedule: "0,50 8,9 * * *" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, uneven, { minimumMinutes: 15 })).violations[0], /every 10 minute\(s\) \(e\.g\. 08:50 then 09:00\)/);
        const midnight = { ...httpJob(), schedule: "50 23,0 * * *" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, midnight, { minimumMinutes: 120 })).violations[0], /every 1 hour\(s\) \(e\.g\. 23:50 then 00:50 the next day\)/);
    });

    it("handles the legacy format: every N minutes fails, every N hours passes", async () => {
        const fast = { ...pubsubJob(), schedule: "every 5 minutes" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, fast, { minimumMinutes: 15 })).violations[0], /^schedule "every 5 minutes" runs as often as every 5 minute\(s\).*prefer unix-cron over the legacy format, R2\.8/);
        const slow = { ...pubsubJob(), schedule: "every 2 hours" };
        assert.deepEqual((await validateResource(schedulerMinInterval, t.JOB, slow, { minimumMinutes: 30 })).violations, []);
    });

    it("reports schedules it cannot read, and ones that never fire", async () => {
        const legacy = { ...pubsubJob(), schedule: "1st monday of sep,oct,nov 17:00" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, legacy)).violations[0], /legacy schedule format .* is not understood here/);
        const six = { ...pubsubJob(), schedule: "0 0 2 * * *" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, six)).violations[0], /expected 5 fields .* found 6/);
        const never = { ...pubsubJob(), schedule: "0 0 31 2 *" };
        assert.match((await validateResource(schedulerMinInterval, t.JOB, never)).violations[0], /never fires/);
        const none = pubsubJob();
        delete none.schedule;
        assert.match((await validateResource(schedulerMinInterval, t.JOB, none)).violations[0], /the job has no schedule \(R2\.1\)/);
    });
});

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
