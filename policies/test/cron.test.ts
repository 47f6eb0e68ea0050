import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { CronError, parseCron, scheduleInterval } from "../src/lib/cron";
import { PACK_ROOT } from "./helpers";

/** The vectors the Java schedule tests read too (CronVectorsTest): both sides must agree on each. */
interface Vectors {
    from: string;
    valid: Array<{ cron: string; next: string[]; minIntervalMinutes?: number; never?: boolean }>;
    invalid: Array<{ cron: string; rule: string }>;
    legacy: Array<{ schedule: string; minIntervalMinutes?: number }>;
}
const VECTORS: Vectors = JSON.parse(fs.readFileSync(path.join(PACK_ROOT, "..", "testdata", "cron-vectors.json"), "utf8"));

describe("cron vectors shared with the Java program (testdata/cron-vectors.json)", () => {
    it("has cases of every kind", () => {
        assert.ok(VECTORS.valid.length >= 10 && VECTORS.invalid.length >= 10 && VECTORS.legacy.length >= 3);
    });

    for (const v of VECTORS.valid) {
        it(`${v.cron}: fires at ${v.next.join(", ") || "no time"}`, () => {
            const schedule = parseCron(v.cron);
            const runs: string[] = [];
            for (let t = schedule.nextAfter(new Date(VECTORS.from)); t && runs.length < 4; t = schedule.nextAfter(t)) {
                runs.push(t.toISOString().slice(0, 16));
            }
            assert.deepEqual(runs, v.next);
        });
        it(`${v.cron}: ${v.never ? "never fires" : `runs at most every ${v.minIntervalMinutes} minutes`}`, () => {
            const interval = scheduleInterval(v.cron);
            assert.equal(interval.never === true, v.never === true);
            if (!v.never) {
                assert.equal(interval.minutes, v.minIntervalMinutes);
            }
        });
    }

    for (const v of VECTORS.invalid) {
        it(`rejects ${v.cron} (${v.rule})`, () => {
            assert.throws(
                () => parseCron(v.cron),
                (e: unknown) => e instanceof CronError && e.rule === v.rule && e.message.endsWith(`(${v.rule})`),
            );
        });
    }

    for (const v of VECTORS.legacy) {
        it(`legacy format: ${v.schedule}`, () => {
            if (v.minIntervalMinutes === undefined) {
                assert.throws(() => scheduleInterval(v.schedule), (e: unknown) => e instanceof CronError && e.rule === "R2.8");
            } else {
                const interval = scheduleInterval(v.schedule);
                assert.equal(interval.legacy, true);
                assert.equal(interval.minutes, v.minIntervalMinutes);
            }
        });
    }
});

describe("cron parsing in Cloud Scheduler's dialect", () => {
    it("says why a schedule is refused", () => {
        assert.throws(() => parseCron("@daily"), /macros such as "@daily" are not supported; write the 5 fields \(R2\.6\)/);
        assert.throws(() => parseCron("0 0 L * *"), /"L" is not supported by Cloud Scheduler \(R2\.5\)/);
        assert.throws(() => parseCron("0 0 * * MON#2"), /"#" is not supported/);
        assert.throws(() => parseCron("60 * * * *"), /"60 \* \* \* \*" is not a valid cron expression: .*minute.*60/);
        assert.throws(() => parseCron("0 5-2 * * *"), /is not a valid cron expression: .*5-2.* \(R2\.4\)/);
    });

    it("refuses H tokens: the program resolves them before it registers a job", () => {
        for (const cron of ["H 3 * * *", "H(10-50) 3 * * *", "0 H/4 * * *"]) {
            assert.throws(() => parseCron(cron), /"H" tokens are resolved by the program/, cron);
        }
    });

    it("knows one minute as the finest interval (R2.9)", () => {
        assert.equal(scheduleInterval("* * * * *").minutes, 1);
        assert.equal(scheduleInterval("*/2 * * * *").minutes, 2);
    });

    it("reports the two closest runs", () => {
        assert.deepEqual(scheduleInterval("0 0 13 * 5").example, ["00:00", "00:00 the next day"]);
        assert.deepEqual(scheduleInterval("0 9,17 * * *").example, ["09:00", "17:00"]);
        assert.deepEqual(scheduleInterval("0 23 * * 1,3").example, ["23:00", "23:00 2 days later"]);
    });
});
