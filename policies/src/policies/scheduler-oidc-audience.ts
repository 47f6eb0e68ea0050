import { ResourceValidationPolicy } from "@pulumi/policy";
import { hostOf } from "../lib/job";
import { jobHttpTarget } from "../lib/policy";
import { forMessage, obj, present } from "../lib/unknown";

/** R6.7 / provider-pitfalls P4: an unset OIDC audience breaks the provider's plan. */
export const schedulerOidcAudience: ResourceValidationPolicy = {
    name: "scheduler-oidc-audience",
    description:
        "An OIDC token must name its audience explicitly: with no audience the gcp provider fails with " +
        "\"Provider produced inconsistent final plan\" (P4), and the receiver cannot tell which service the token is for.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: (args, reportViolation) => {
        const http = jobHttpTarget(args);
        const oidc = obj(http.oidcToken);
        if (!oidc) {
            return args.notApplicable("the job sends no OIDC token");
        }
        if (!present(oidc.audience)) {
            const uri = forMessage(() => http.uri);
            const host = typeof uri === "string" ? hostOf(uri) : undefined;
            reportViolation(
                `HTTP target ${uri} sends an OIDC token without audience (P4, R6.7). ` +
                `Fix: set httpTarget.oidcToken.audience, e.g. "${host ? `https://${host}` : "the service's base URL"}".`,
            );
        }
    },
};
