import { StackValidationPolicy } from "@pulumi/policy";
import { SERVICE_ACCOUNT, TOPIC } from "../lib/tokens";

export interface ProdProtectedConfig {
    resourceTypes: string[];
}

/**
 * Stateful resources survive mistakes: a topic holds retained messages and subscriptions, a service
 * account holds grants elsewhere; recreating either is not a no-op. Advisory by default; the prod
 * policy config makes it mandatory.
 */
export const prodProtected: StackValidationPolicy = {
    name: "prod-protected",
    description:
        "Pub/Sub topics and service accounts are protected (resource option protect: true), so a destroy, a rename " +
        "or a refactor cannot delete them. Enforced in prod by its policy config.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            resourceTypes: {
                type: "array",
                items: { type: "string" },
                default: [TOPIC, SERVICE_ACCOUNT],
                description: "Type tokens of the resources that must be protected.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { resourceTypes } = args.getConfig<ProdProtectedConfig>();
        let checked = 0;
        for (const r of args.resources) {
            if (!resourceTypes.includes(r.type)) {
                continue;
            }
            checked++;
            if (!r.opts.protect) {
                const kind = r.type.split(":").pop();
                reportViolation(
                    `${kind} ${r.name} is not protected, so a pulumi destroy, a rename or a refactor would delete it. ` +
                    "Fix: register it with protect(true) (the stack's protect setting), or run `pulumi state protect` for an existing resource.",
                    r.urn,
                );
            }
        }
        if (checked === 0) {
            args.notApplicable("the stack has none of the protected resource types");
        }
    },
};
