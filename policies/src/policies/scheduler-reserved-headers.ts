import { ResourceValidationPolicy } from "@pulumi/policy";
import { headersOf } from "../lib/headers";
import { requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";

/** Why Cloud Scheduler does not let a job set this header (R6.4, R8.5, P3), or undefined. */
function reservedReason(name: string): string | undefined {
    const lower = name.trim().toLowerCase();
    if (lower === "content-length") return "cannot be set (the API computes it)";
    if (lower.startsWith("x-google-")) return "cannot be set (X-Google-* is reserved)";
    if (lower.startsWith("x-appengine-")) return "cannot be set (X-AppEngine-* is reserved)";
    if (lower === "host" || lower === "user-agent") return "is replaced by Cloud Scheduler";
    if (lower.startsWith("x-cloudscheduler")) return "is replaced by Cloud Scheduler (X-CloudScheduler* is reserved)";
    return undefined;
}

/** R6.4, R8.5, P3: headers the API rejects or rewrites show up as a diff on every preview. */
export const schedulerReservedHeaders: ResourceValidationPolicy = {
    name: "scheduler-reserved-headers",
    description:
        "Cloud Scheduler jobs do not set headers the service rejects or rewrites (Content-Length, Host, User-Agent, " +
        "X-Google-*, X-AppEngine-*, X-CloudScheduler*) nor the same header twice: they fail the API call or drift forever.",
    enforcementLevel: "mandatory",
    severity: "low",
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const headers = headersOf(args.props);
        if (headers.length === 0) {
            return args.notApplicable("the job sets no headers");
        }
        const seen = new Map<string, string>();
        for (const h of headers) {
            const reason = reservedReason(h.name);
            if (reason) {
                reportViolation(`${h.target}.headers["${h.name}"] ${reason} (R6.4, P3). Fix: remove the header.`);
            }
            const key = `${h.target}/${h.name.trim().toLowerCase()}`;
            const first = seen.get(key);
            if (first !== undefined) {
                reportViolation(`${h.target}.headers sets "${first}" and "${h.name}", the same header twice (R6.4). Fix: keep one.`);
            } else {
                seen.set(key, h.name);
            }
        }
    },
};
