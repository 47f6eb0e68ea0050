import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CronError, parseCron, scheduleInterval } from "../src/lib/cron";

describe("cron parsing (R2.2-R2.7)", () => {
    it("parses lists, ranges, steps and names", () => {
        const spec = parseCron("*/15 9-17/4 1,15 JAN-mar MON-FRI");
        assert.deepEqual(spec.minutes, [0, 15, 30, 45]);
        assert.deepEqual(spec.hours, [9, 13, 17]);
        assert.deepEqual([...spec.months].sort(), [1, 2, 3]);
        assert.deepEqual([...spec.daysOfWeek].sort(), [1, 2, 3, 4, 5]);
        assert.equal(spec.domRestricted, true);
        assert.deepEqual([...parseCron("0 0 * * 7").daysOfWeek], [0], "7 is Sunday");
    });

    for (const [expr, why] of [
        ["@daily", /macros/],
        ["0 0 L * *", /"L" is not supported/],
        ["0 0 ? * MON", /"\?" is not supported/],
        ["0 0 * * MON#2", /"#" is not supported/],
        ["60 * * * *", /minute value 60 is outside 0-59/],
        ["0 5-2 * * *", /runs backwards/],
        ["0 0 * FOO *", /month value "FOO"/],
    ] as const) {
        it(`rejects ${expr}`, () => {
            assert.throws(() => parseCron(expr), (e: unknown) => e instanceof CronError && why.test(e.message));
        });
    }
});

describe("smallest interval between runs", () => {
    const cases: Array<[string, number]> = [
        ["* * * * *", 1],
        ["*/5 * * * *", 5],
        ["0 * * * *", 60],
        ["0 */4 * * *", 240],
        ["30 2 * * *", 1440],
        ["0 0 * * 1-5", 1440],
        ["0 0 * * 0", 7 * 1440],
        ["0 9 1 * *", 28 * 1440],
        ["0 0 1,2 * *", 1440],
        ["0 0 29 2 *", 1461 * 1440],
        ["0 0 13 * 5", 1440],
        ["every 3 hours", 180],
        ["every 15 mins synchronized", 15],
        ["every day 09:00", 1440],
    ];
    for (const [expr, minutes] of cases) {
        it(`${expr} -> ${minutes} minutes`, () => {
            assert.equal(scheduleInterval(expr).minutes, minutes);
        });
    }

    it("ORs day-of-month and day-of-week when both are restricted (R2.7): 13th or a Friday", () => {
        // Friday 12th then Saturday 13th: one day apart.
        assert.equal(scheduleInterval("0 0 13 * 5").minutes, 1440);
        // Only one of them restricted: AND semantics (a Friday in the first week).
        assert.equal(scheduleInterval("0 0 * * 5").minutes, 7 * 1440);
    });
});
