import { ResourceValidationPolicy } from "@pulumi/policy";
import { requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";
import { present } from "../lib/unknown";

export interface RegionAllowlistConfig {
    allowedRegions: string[];
}

/** Data residency: jobs (and the payloads they hold) stay in the regions this stack allows. */
export const schedulerRegionAllowlist: ResourceValidationPolicy = {
    name: "scheduler-region-allowlist",
    description: "Cloud Scheduler jobs set their region explicitly, and only to a region this stack allows (data residency).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedRegions: {
                type: "array",
                items: { type: "string" },
                minItems: 1,
                default: ["europe-west2"],
                description: "Regions a job may live in.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const { allowedRegions } = args.getConfig<RegionAllowlistConfig>();
        const region = args.props.region;
        if (!present(region)) {
            reportViolation(
                `the job sets no region, so it lands in the provider's default region. Fix: set region to one of ${allowedRegions.join(", ")}.`,
            );
            return;
        }
        if (!allowedRegions.includes(region)) {
            reportViolation(`region "${region}" is not allowed in this stack. Fix: use one of ${allowedRegions.join(", ")}.`);
        }
    },
};
