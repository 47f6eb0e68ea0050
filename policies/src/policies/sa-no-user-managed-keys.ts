import { ResourceValidationPolicy } from "@pulumi/policy";
import { requireType } from "../lib/policy";
import { SERVICE_ACCOUNT_KEY, STORAGE_HMAC_KEY } from "../lib/tokens";
import { forMessage } from "../lib/unknown";

/** checkov CKV_GCP_41-style: no user-managed service account keys (P10; the project never uses JSON keys). */
export const saNoUserManagedKeys: ResourceValidationPolicy = {
    name: "sa-no-user-managed-keys",
    description:
        "No user-managed service account keys: a key is a long-lived credential that ends up in the Pulumi state and " +
        "in whoever copies it. Scheduler mints short-lived tokens itself; CI uses workload identity federation.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: (args, reportViolation) => {
        requireType(args, SERVICE_ACCOUNT_KEY, STORAGE_HMAC_KEY);
        const account = forMessage(() => args.props.serviceAccountId ?? args.props.serviceAccountEmail ?? "a service account", "a service account");
        reportViolation(
            `${args.type === STORAGE_HMAC_KEY ? "an HMAC key" : "a key"} is created for ${account}. ` +
            "Fix: remove the key; let Cloud Scheduler mint OIDC/OAuth tokens for the account, and use impersonation or workload identity federation elsewhere.",
        );
    },
};
