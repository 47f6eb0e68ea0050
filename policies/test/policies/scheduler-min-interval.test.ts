import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerMinInterval } from "../../src/policies/scheduler-min-interval";
import { httpJob, pubsubJob, t, validateResource } from "../helpers";

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
