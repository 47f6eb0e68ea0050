import { ResourceValidationPolicy } from "@pulumi/policy";
import { requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";
import { present } from "../lib/unknown";

export interface ExplicitTimeZoneConfig {
    /** The zone the remediation fills in when a job has none. */
    defaultTimeZone: string;
}

/** Other names of Etc/UTC: the API stores the canonical name, so an alias shows a diff forever (P9). */
const UTC_ALIASES = new Set(["UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"]);

/** True when the ICU database of this Node.js knows the zone. */
function isKnownTimeZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
    } catch {
        return false;
    }
}

/**
 * R3.1, R3.2, P9. At level "remediate" the pack fills in `defaultTimeZone` for a job without a
 * zone (then validates the result); at "advisory"/"mandatory" it only reports.
 */
export const schedulerExplicitTimezone: ResourceValidationPolicy = {
    name: "scheduler-explicit-timezone",
    description:
        "Every Cloud Scheduler job states its IANA time zone (canonical name, e.g. Etc/UTC or Europe/London), " +
        "so \"0 9 * * *\" means the same thing to the reviewer, the program and the API.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            defaultTimeZone: {
                type: "string",
                default: "Etc/UTC",
                description: "Zone set by the remediation (enforcement level \"remediate\") on a job without timeZone.",
            },
        },
    },
    remediateResource: (args) => {
        if (args.type !== JOB || present(args.props.timeZone)) {
            return undefined;
        }
        const { defaultTimeZone } = args.getConfig<ExplicitTimeZoneConfig>();
        args.props.timeZone = defaultTimeZone;
        return args.props;
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const zone = args.props.timeZone;
        if (!present(zone)) {
            const { defaultTimeZone } = args.getConfig<ExplicitTimeZoneConfig>();
            reportViolation(
                `the job has no timeZone, so the API silently uses Etc/UTC (R3.2). ` +
                `Fix: set timeZone explicitly (e.g. "${defaultTimeZone}" or "Europe/London"), or run this policy at level "remediate" to fill in "${defaultTimeZone}".`,
            );
            return;
        }
        if (UTC_ALIASES.has(zone.trim())) {
            reportViolation(`timeZone "${zone}" is an alias; the API stores "Etc/UTC" and the provider would show a diff on every preview (P9). Fix: write "Etc/UTC".`);
            return;
        }
        if (!isKnownTimeZone(zone.trim())) {
            reportViolation(`timeZone "${zone}" is not an IANA time zone name (R3.1). Fix: use a name such as "Etc/UTC" or "Europe/London".`);
        }
    },
};
