import { ResourceValidationPolicy } from "@pulumi/policy";
import { listing, requireType } from "../lib/policy";
import { TOPIC } from "../lib/tokens";
import { obj, present } from "../lib/unknown";

export interface TopicLabelsConfig {
    requiredLabels: string[];
    expectedLabelValues: Record<string, string>;
}

/** Cost attribution and clean-up: every topic says which environment owns it. */
export const pubsubTopicLabels: ResourceValidationPolicy = {
    name: "pubsub-topic-labels",
    description:
        "Every Pub/Sub topic carries the required labels (at least environment, with this stack's value), " +
        "so cost reports and clean-ups can tell dev, staging and prod apart.",
    enforcementLevel: "mandatory",
    severity: "low",
    configSchema: {
        properties: {
            requiredLabels: {
                type: "array",
                items: { type: "string" },
                default: ["environment"],
                description: "Label keys every topic must have (non-empty).",
            },
            expectedLabelValues: {
                type: "object",
                additionalProperties: { type: "string" },
                default: {},
                description: 'Values some labels must have in this stack, e.g. {"environment": "prod"}.',
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, TOPIC);
        const { requiredLabels, expectedLabelValues } = args.getConfig<TopicLabelsConfig>();
        const labels = obj(args.props.labels) ?? {};
        const missing = requiredLabels.filter((k) => !present(labels[k]));
        if (missing.length > 0) {
            const example = missing.map((k) => `${k}=${expectedLabelValues[k] ?? "<value>"}`).join(", ");
            reportViolation(`the topic has no ${listing(missing)} label${missing.length > 1 ? "s" : ""}. Fix: add labels ${example}.`);
        }
        for (const [key, want] of Object.entries(expectedLabelValues)) {
            const have = labels[key];
            if (present(have) && have !== want) {
                reportViolation(`label ${key}="${have}" does not match this stack (expected "${want}"). Fix: set ${key}=${want}.`);
            }
        }
    },
};
