import { ResourceValidationPolicy } from "@pulumi/policy";
import { iamGrants, where } from "../lib/iam-grants";
import { forMessage } from "../lib/unknown";

const PUBLIC = new Set(["allusers", "allauthenticatedusers"]);

/** checkov CKV_GCP_99/102, trivy GCP-0003-style: nothing is granted to the whole internet. */
export const iamNoPublicPrincipals: ResourceValidationPolicy = {
    name: "iam-no-public-principals",
    description:
        "No IAM grant to allUsers or allAuthenticatedUsers on any resource: a public run.invoker or pubsub.publisher " +
        "lets anyone on the internet trigger a pipeline.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: (args, reportViolation) => {
        const { info, grants } = iamGrants(args);
        for (const g of grants) {
            if (PUBLIC.has(g.member.trim().toLowerCase())) {
                reportViolation(
                    `grants ${g.role} to ${g.member} ${forMessage(() => where(args.type, info, args.props))}: anyone${g.member.toLowerCase() === "allusers" ? " on the internet" : " with a Google account"} gets it. ` +
                    "Fix: grant the role to the pipeline's invoker service account (serviceAccount:sch-...@<project>.iam.gserviceaccount.com) only.",
                );
            }
        }
    },
};
