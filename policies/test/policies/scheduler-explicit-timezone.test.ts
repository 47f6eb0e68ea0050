import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerExplicitTimezone } from "../../src/policies/scheduler-explicit-timezone";
import { resourceArgs, stackTagsFor } from "../../src/offline/engine";
import { appEngineJob, configFor, httpJob, input, t, validateResource } from "../helpers";

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
