import { ResourceValidationPolicy } from "@pulumi/policy";
import { CronError, scheduleInterval } from "../lib/cron";
import { requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";
import { present } from "../lib/unknown";

export interface MinIntervalConfig {
    minimumMinutes: number;
}

function human(minutes: number): string {
    if (minutes % 1440 === 0) return `${minutes / 1440} day(s)`;
    if (minutes % 60 === 0) return `${minutes / 60} hour(s)`;
    return `${minutes} minute(s)`;
}

/** A cron that runs at least every `m` minutes with runs aligned on the hour, for suggestions. */
function suggestion(m: number): string {
    if (m <= 30) {
        const step = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].find((s) => s >= m) ?? 30;
        return `*/${step} * * * *`;
    }
    if (m <= 60) return "0 * * * *";
    const hours = [2, 3, 4, 6, 8, 12].find((h) => h * 60 >= m);
    return hours ? `0 */${hours} * * *` : "0 0 * * *";
}

/**
 * R2.* and the per-stack cost/quota guard: the smallest gap between two consecutive runs of the
 * schedule (unix-cron, or the legacy "every N minutes|hours" format) is at least the configured
 * number of minutes. Gaps are wall-clock gaps in the job's zone.
 */
export const schedulerMinInterval: ResourceValidationPolicy = {
    name: "scheduler-min-interval",
    description:
        "A Cloud Scheduler job may not run more often than this stack allows: the smallest gap between two " +
        "consecutive runs of its schedule must be at least the configured number of minutes.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumMinutes: {
                type: "integer",
                minimum: 1,
                default: 5,
                description: "Smallest allowed gap, in minutes, between two consecutive runs of a job.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const { minimumMinutes } = args.getConfig<MinIntervalConfig>();
        const schedule = args.props.schedule;
        if (!present(schedule)) {
            reportViolation('the job has no schedule (R2.1). Fix: set a 5-field unix-cron schedule such as "0 2 * * *".');
            return;
        }
        let interval;
        try {
            interval = scheduleInterval(schedule);
        } catch (e) {
            if (e instanceof CronError) {
                reportViolation(`schedule "${schedule}" cannot be read: ${e.message}. Fix: write a 5-field unix-cron schedule such as "0 2 * * *".`);
                return;
            }
            throw e;
        }
        if (interval.never) {
            reportViolation(`schedule "${schedule}" never fires: no calendar day matches its day and month fields. Fix: correct the day-of-month/month fields.`);
            return;
        }
        if (interval.minutes < minimumMinutes) {
            const example = interval.example ? ` (e.g. ${interval.example[0]} then ${interval.example[1]})` : "";
            reportViolation(
                `schedule "${schedule}" runs as often as every ${human(interval.minutes)}${example}, more often than this stack's minimum of ${human(minimumMinutes)}. ` +
                `Fix: use a coarser schedule such as "${suggestion(minimumMinutes)}"${interval.legacy ? " (and prefer unix-cron over the legacy format, R2.8)" : ""}.`,
            );
        }
    },
};
