import { StackValidationPolicy } from "@pulumi/policy";
import { classifyIam, grantsOf, serviceAccountOf } from "../lib/iam";
import { tokenServiceAccounts } from "../lib/job";
import { JOB } from "../lib/tokens";

export interface InvokerScopedConfig {
    invokerRoles: string[];
}

/**
 * R10.5 and least privilege: an invoker role exists in this stack only so that a job can call
 * its target. So it is granted on the one service or function (never project-wide), and only to
 * a service account that some Cloud Scheduler job of the stack uses as its token identity.
 */
export const invokerScoped: StackValidationPolicy = {
    name: "invoker-scoped",
    description:
        "Invoker roles (roles/run.invoker, roles/cloudfunctions.invoker) are granted on a single service or function, " +
        "and only to a service account that a Cloud Scheduler job in this stack uses as its OIDC/OAuth token identity.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            invokerRoles: {
                type: "array",
                items: { type: "string" },
                default: ["roles/run.invoker", "roles/cloudfunctions.invoker"],
                description: "Roles that allow calling a service or function.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { invokerRoles } = args.getConfig<InvokerScopedConfig>();
        const jobAccounts = new Map<string, string>();
        for (const r of args.resources) {
            if (r.type === JOB) {
                for (const { email } of tokenServiceAccounts(r.props)) {
                    jobAccounts.set(email.toLowerCase(), r.name);
                }
            }
        }
        let grantsSeen = 0;
        for (const r of args.resources) {
            const info = classifyIam(r.type);
            if (!info) {
                continue;
            }
            const { grants } = grantsOf(r.type, r.props);
            for (const g of grants.filter((x) => invokerRoles.includes(x.role))) {
                grantsSeen++;
                if (info.scope !== "resource") {
                    reportViolation(
                        `${r.name} grants ${g.role} to ${g.member} on the whole ${info.scope}, which lets it invoke every service there. ` +
                        "Fix: grant it on the one target (gcp:cloudrunv2/serviceIamMember:ServiceIamMember or gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember).",
                        r.urn,
                    );
                }
                const sa = serviceAccountOf(g.member);
                if (!sa) {
                    reportViolation(
                        `${r.name} grants ${g.role} to ${g.member}, which is not a service account. ` +
                        "Fix: grant invoker roles only to the invoker service account of the job that calls this target.",
                        r.urn,
                    );
                } else if (!jobAccounts.has(sa)) {
                    const known = [...jobAccounts.keys()];
                    reportViolation(
                        `${r.name} grants ${g.role} to ${g.member}, but no Cloud Scheduler job in this stack uses ${sa} as its token service account` +
                        `${known.length ? ` (jobs use: ${known.join(", ")})` : " (the stack has no job with a token)"}. ` +
                        "Fix: grant the role to the invoker service account of the job that calls this target, or remove the grant.",
                        r.urn,
                    );
                }
            }
        }
        if (grantsSeen === 0) {
            args.notApplicable("the stack grants no invoker role");
        }
    },
};
