import { ResourceValidationPolicy } from "@pulumi/policy";
import { jobHttpTarget } from "../lib/policy";
import { forMessage, obj, present } from "../lib/unknown";

/** R6.5, R6.6 and the project's rule that every HTTP target is authenticated. */
export const schedulerHttpAuth: ResourceValidationPolicy = {
    name: "scheduler-http-auth",
    description:
        "Cloud Scheduler HTTP targets must carry exactly one OIDC or OAuth token minted for a service account, " +
        "so the endpoint can refuse everyone but the job.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: (args, reportViolation) => {
        const http = jobHttpTarget(args);
        const uri = forMessage(() => http.uri);
        const oidc = obj(http.oidcToken);
        const oauth = obj(http.oauthToken);
        if (!oidc && !oauth) {
            reportViolation(
                `HTTP target ${uri} is called without a token, so the endpoint has to accept unauthenticated requests. ` +
                "Fix: set httpTarget.oidcToken {serviceAccountEmail, audience} (Cloud Run, Cloud Functions, other endpoints) " +
                "or httpTarget.oauthToken {serviceAccountEmail, scope} (*.googleapis.com only), using the pipeline's invoker service account.",
            );
            return;
        }
        if (oidc && oauth) {
            reportViolation(
                `HTTP target ${uri} sets both oidcToken and oauthToken; they are mutually exclusive (R6.5). ` +
                "Fix: keep oauthToken for *.googleapis.com and oidcToken for every other endpoint.",
            );
            return;
        }
        const token = (oidc ?? oauth)!;
        if (!present(token.serviceAccountEmail)) {
            reportViolation(
                `HTTP target ${uri} has an ${oidc ? "oidcToken" : "oauthToken"} without serviceAccountEmail. ` +
                "Fix: set serviceAccountEmail to the pipeline's invoker service account.",
            );
        }
    },
};
