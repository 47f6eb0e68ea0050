import { ResourceValidationPolicy } from "@pulumi/policy";
import { iamGrants, where } from "../lib/iam-grants";
import { forMessage } from "../lib/unknown";

export interface SaImpersonationConfig {
    roles: string[];
}

/** checkov CKV_GCP_41/49, trivy GCP-0006/0011: impersonation roles only on the one service account. */
export const iamNoProjectSaImpersonation: ResourceValidationPolicy = {
    name: "iam-no-project-sa-impersonation",
    description:
        "Service account impersonation roles (roles/iam.serviceAccountUser, roles/iam.serviceAccountTokenCreator, ...) " +
        "are never granted on a whole project, folder or organization, where they cover every service account in it.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            roles: {
                type: "array",
                items: { type: "string" },
                default: [
                    "roles/iam.serviceAccountUser",
                    "roles/iam.serviceAccountTokenCreator",
                    "roles/iam.serviceAccountOpenIdTokenCreator",
                    "roles/iam.workloadIdentityUser",
                ],
                description: "Roles that allow acting as a service account.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const { info, grants } = iamGrants(args);
        if (info.scope === "resource") {
            return args.notApplicable("the grant is on a single resource");
        }
        const { roles } = args.getConfig<SaImpersonationConfig>();
        for (const g of grants) {
            if (roles.includes(g.role)) {
                reportViolation(
                    `grants ${g.role} to ${g.member} ${forMessage(() => where(args.type, info, args.props))}: it can then act as every service account there, ` +
                    "including ones with far more access. Fix: grant the role on the one service account it needs " +
                    "(gcp:serviceaccount/iAMMember:IAMMember with serviceAccountId set).",
                );
            }
        }
    },
};
