import { ResourceValidationPolicy } from "@pulumi/policy";
import { hostOf, isGoogleApisHost } from "../lib/job";
import { jobHttpTarget } from "../lib/policy";
import { obj } from "../lib/unknown";

/** R6.6: OAuth access tokens only for *.googleapis.com; OIDC identity tokens everywhere else. */
export const schedulerOauthGoogleapisOnly: ResourceValidationPolicy = {
    name: "scheduler-oauth-googleapis-only",
    description:
        "OAuth access tokens go only to Google APIs (*.googleapis.com) and OIDC identity tokens to every other endpoint: " +
        "an access token sent elsewhere can be replayed against Google APIs, and Google APIs reject identity tokens.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        const http = jobHttpTarget(args);
        const oidc = obj(http.oidcToken);
        const oauth = obj(http.oauthToken);
        if (!oidc && !oauth) {
            return args.notApplicable("the HTTP target sends no token (see scheduler-http-auth)");
        }
        const uri = http.uri;
        const host = typeof uri === "string" ? hostOf(uri) : undefined;
        if (!host) {
            return args.notApplicable("the HTTP target has no valid uri (see scheduler-https-uri)");
        }
        if (oauth && !isGoogleApisHost(host)) {
            reportViolation(
                `HTTP target ${uri} gets an OAuth access token, but ${host} is not a Google API: whoever runs it could reuse ` +
                "the token against Google APIs as the service account. Fix: replace oauthToken with oidcToken " +
                `{serviceAccountEmail, audience: "https://${host}"}.`,
            );
        }
        if (oidc && isGoogleApisHost(host)) {
            reportViolation(
                `HTTP target ${uri} is a Google API (${host}), which does not accept OIDC identity tokens. ` +
                'Fix: replace oidcToken with oauthToken {serviceAccountEmail, scope: "https://www.googleapis.com/auth/cloud-platform"}.',
            );
        }
    },
};
