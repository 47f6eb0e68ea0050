import { ResourceValidationPolicy } from "@pulumi/policy";
import { iamGrants, where } from "../lib/iam-grants";
import { forMessage } from "../lib/unknown";

export interface BasicRolesConfig {
    forbiddenRoles: string[];
}

/** checkov CKV_GCP_117-style, trivy GCP-0007: no primitive roles, on any IAM resource type. */
export const iamNoBasicRoles: ResourceValidationPolicy = {
    name: "iam-no-basic-roles",
    description:
        "No basic roles (roles/owner, roles/editor, roles/viewer) on any IAM member, binding or policy: they span " +
        "almost every service; grant the predefined role the job needs instead.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            forbiddenRoles: {
                type: "array",
                items: { type: "string" },
                default: ["roles/owner", "roles/editor", "roles/viewer"],
                description: "Roles never granted by this program.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const { info, grants } = iamGrants(args);
        const { forbiddenRoles } = args.getConfig<BasicRolesConfig>();
        for (const g of grants) {
            if (forbiddenRoles.includes(g.role)) {
                reportViolation(
                    `grants basic role ${g.role} to ${g.member} ${forMessage(() => where(args.type, info, args.props))}. ` +
                    "Fix: grant only the predefined role the pipeline needs (e.g. roles/run.invoker on the service, roles/pubsub.publisher on the topic).",
                );
            }
        }
    },
};
