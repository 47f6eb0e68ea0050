import { ResourceValidationPolicy } from "@pulumi/policy";
import { headersOf } from "../lib/headers";
import { requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";

export interface NoAuthHeadersConfig {
    extraForbiddenHeaders: string[];
    allowedHeaders: string[];
}

/** Header names that carry credentials by definition. */
const CREDENTIAL_HEADERS = new Set([
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "api-key",
    "apikey",
    "x-goog-api-key",
    "cookie",
    "x-auth-token",
    "x-access-token",
    "x-id-token",
    "x-amz-security-token",
]);

/** Name segments (split on - and _) that make a header look like a credential. */
const CREDENTIAL_WORDS = new Set([
    "auth", "authorization", "token", "secret", "password", "passwd", "pwd", "apikey", "credential", "credentials",
    "session", "signature", "cookie", "bearer",
]);

/** Values that look like credentials whatever the header is called. */
const CREDENTIAL_VALUE = /^\s*(bearer|basic|digest|token|negotiate)\s+\S/i;

/** Why a header looks like a credential, or undefined. */
function credentialReason(name: string, value: unknown): string | undefined {
    const lower = name.trim().toLowerCase();
    if (CREDENTIAL_HEADERS.has(lower)) {
        return "is a credential header";
    }
    const words = lower.split(/[-_]/);
    if (words.some((w) => CREDENTIAL_WORDS.has(w)) || /api[-_]?key/.test(lower)) {
        return "looks like a credential header";
    }
    if (typeof value === "string" && CREDENTIAL_VALUE.test(value)) {
        return `has a value that looks like a credential ("${value.trim().split(/\s+/)[0]} ...")`;
    }
    if (value === "[secret]") {
        return "carries a secret value";
    }
    return undefined;
}

/** P3, P10: no static credentials in job headers (they are stored in plaintext by the API and in state). */
export const schedulerNoAuthHeaders: ResourceValidationPolicy = {
    name: "scheduler-no-auth-headers",
    description:
        "Cloud Scheduler jobs carry no credentials in headers (Authorization, Proxy-Authorization, X-Api-Key, Cookie, " +
        "tokens, secrets): the job definition and the Pulumi state keep them in plaintext, and Scheduler replaces Authorization anyway.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            extraForbiddenHeaders: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "More header names to reject (case-insensitive).",
            },
            allowedHeaders: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Header names that look like credentials but are known not to be (case-insensitive).",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        const cfg = args.getConfig<NoAuthHeadersConfig>();
        const extra = new Set(cfg.extraForbiddenHeaders.map((h) => h.toLowerCase()));
        const allowed = new Set(cfg.allowedHeaders.map((h) => h.toLowerCase()));
        const headers = headersOf(args.props);
        if (headers.length === 0) {
            return args.notApplicable("the job sets no headers");
        }
        for (const h of headers) {
            const lower = h.name.toLowerCase();
            if (allowed.has(lower)) {
                continue;
            }
            const reason = extra.has(lower) ? "is forbidden by this stack's policy config" : credentialReason(h.name, h.value);
            if (reason) {
                reportViolation(
                    `${h.target}.headers["${h.name}"] ${reason}: static credentials in a job are stored in plaintext (P10). ` +
                    "Fix: remove the header and authenticate with httpTarget.oidcToken/oauthToken and the pipeline's invoker service account.",
                );
            }
        }
    },
};
