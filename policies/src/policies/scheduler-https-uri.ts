import { ResourceValidationPolicy } from "@pulumi/policy";
import { jobHttpTarget } from "../lib/policy";

/** R6.1: the API accepts http:// too, but a token sent over plain HTTP can be read on the way. */
export const schedulerHttpsUri: ResourceValidationPolicy = {
    name: "scheduler-https-uri",
    description: "Cloud Scheduler HTTP targets must use an https:// URI, so tokens and payloads are never sent in clear text.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: (args, reportViolation) => {
        const http = jobHttpTarget(args);
        const uri = http.uri;
        if (typeof uri !== "string" || uri.trim() === "") {
            reportViolation("HTTP target has no uri (R6.1). Fix: set httpTarget.uri to the endpoint's https:// URL.");
            return;
        }
        let url: URL;
        try {
            url = new URL(uri);
        } catch {
            reportViolation(`HTTP target uri "${uri}" is not an absolute URL (R6.1). Fix: use the full https:// URL of the endpoint.`);
            return;
        }
        if (url.protocol !== "https:") {
            reportViolation(
                `HTTP target uri "${uri}" uses ${url.protocol.replace(":", "")}, not https: the token and body would travel unencrypted. ` +
                `Fix: use https://${url.host}${url.pathname}${url.search}.`,
            );
        }
        if (uri.length > 2083) {
            reportViolation(`HTTP target uri is ${uri.length} characters long; the API allows at most 2083 (R6.1). Fix: move parameters into the body.`);
        }
    },
};
