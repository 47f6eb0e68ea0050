import { ResourceValidationPolicy } from "@pulumi/policy";
import { configRegExp, requireType } from "../lib/policy";
import { TOPIC } from "../lib/tokens";
import { present } from "../lib/unknown";

export interface TopicCmekConfig {
    keyPattern: string;
}

/** checkov CKV_GCP_83: topics encrypted with a customer-managed key. Off by default: turn it on per stack once a key exists. */
export const pubsubTopicCmek: ResourceValidationPolicy = {
    name: "pubsub-topic-cmek",
    description:
        "Pub/Sub topics are encrypted with a customer-managed Cloud KMS key (kmsKeyName), so the organisation controls " +
        "and can revoke access to retained messages. Disabled unless a stack's policy config turns it on.",
    enforcementLevel: "disabled",
    severity: "medium",
    configSchema: {
        properties: {
            keyPattern: {
                type: "string",
                default: "^projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+$",
                description: "Regular expression kmsKeyName must match (e.g. pin the key ring of the stack).",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, TOPIC);
        const { keyPattern } = args.getConfig<TopicCmekConfig>();
        const key = args.props.kmsKeyName;
        if (!present(key)) {
            reportViolation(
                "the topic has no kmsKeyName, so Google-managed keys encrypt it. " +
                "Fix: set kmsKeyName to projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k> and grant the Pub/Sub service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on it.",
            );
            return;
        }
        if (!configRegExp("pubsub-topic-cmek", "keyPattern", keyPattern).test(key)) {
            reportViolation(`kmsKeyName "${key}" does not match this stack's key pattern ${keyPattern}. Fix: use the stack's own key.`);
        }
    },
};
