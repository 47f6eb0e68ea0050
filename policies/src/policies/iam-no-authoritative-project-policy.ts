import { ResourceValidationPolicy } from "@pulumi/policy";
import { classifyIam } from "../lib/iam";
import { forMessage } from "../lib/unknown";

/** Authoritative project IAM wipes grants this program does not own (other teams', Google service agents'). */
export const iamNoAuthoritativeProjectPolicy: ResourceValidationPolicy = {
    name: "iam-no-authoritative-project-policy",
    description:
        "No authoritative IAM (IAMPolicy, IAMBinding) on a project, folder or organization: it replaces every grant it " +
        "does not list, including other teams' and the Google service agents' (R10.1). Use IAMMember.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: (args, reportViolation) => {
        const info = classifyIam(args.type);
        if (!info || info.scope === "resource" || info.kind === "member") {
            return args.notApplicable("applies only to project, folder and organization IAMPolicy/IAMBinding resources");
        }
        const what =
            info.kind === "policy"
                ? `replaces the whole IAM policy of the ${info.scope}`
                : `owns every member of ${forMessage(() => args.props.role)} on the ${info.scope}, removing anyone it does not list`;
        reportViolation(
            `${args.type} ${what}; grants made outside this stack (other teams, Google service agents such as the Cloud Scheduler agent) would be deleted. ` +
            `Fix: use gcp:${info.module}/iAMMember:IAMMember, one per (role, member).`,
        );
    },
};
