import { ResourceValidationPolicy } from "@pulumi/policy";
import { tokenServiceAccounts } from "../lib/job";
import { configRegExp, requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";
import { obj } from "../lib/unknown";

export interface InvokerSaConfig {
    serviceAccountPattern: string;
}

/** Why a Google-managed or default account must not mint a job's tokens, or undefined. */
function managedAccountReason(email: string): string | undefined {
    const e = email.toLowerCase();
    if (e.endsWith("-compute@developer.gserviceaccount.com")) {
        return "is the Compute Engine default service account, which usually holds roles/editor on the project";
    }
    if (e.endsWith("@appspot.gserviceaccount.com")) {
        return "is the App Engine default service account, which usually holds roles/editor on the project";
    }
    if (e.endsWith("@gcp-sa-cloudscheduler.iam.gserviceaccount.com")) {
        return "is the Cloud Scheduler service agent, which only mints tokens on a job's behalf and must never be its identity (R10.2)";
    }
    if (/@gcp-sa-[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(e) || e.endsWith("@cloudservices.gserviceaccount.com")) {
        return "is a Google-managed service agent";
    }
    return undefined;
}

/** R6.8, R10.2: each job calls its target as a dedicated, narrowly granted invoker service account. */
export const schedulerInvokerSa: ResourceValidationPolicy = {
    name: "scheduler-invoker-sa",
    description:
        "A job's OIDC/OAuth token is minted for the pipeline's dedicated invoker service account (matching the stack's " +
        "naming pattern), never for a default compute/App Engine account or a Google service agent.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            serviceAccountPattern: {
                type: "string",
                default: "^sch-[a-z0-9-]+@[a-z0-9-]+\\.iam\\.gserviceaccount\\.com$",
                description: "Regular expression the token service account email must match (e.g. pin the stack's GCP project).",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const { serviceAccountPattern } = args.getConfig<InvokerSaConfig>();
        const pattern = configRegExp("scheduler-invoker-sa", "serviceAccountPattern", serviceAccountPattern);
        const http = obj(args.props.httpTarget);
        const accounts = tokenServiceAccounts(args.props);
        if (!http || accounts.length === 0) {
            return args.notApplicable("the job sends no OIDC/OAuth token");
        }
        for (const { kind, email } of accounts) {
            const field = `httpTarget.${kind}Token.serviceAccountEmail`;
            const reason = managedAccountReason(email);
            if (reason) {
                reportViolation(
                    `${field} ${email} ${reason}. Fix: create a dedicated invoker service account (sch-<pipeline>@<project>.iam.gserviceaccount.com) ` +
                    "with only the invoker role on the target, and use it here.",
                );
            } else if (!pattern.test(email)) {
                reportViolation(
                    `${field} ${email} does not match this stack's invoker pattern ${serviceAccountPattern}. ` +
                    "Fix: use the pipeline's own invoker service account from this stack's project.",
                );
            }
        }
    },
};
