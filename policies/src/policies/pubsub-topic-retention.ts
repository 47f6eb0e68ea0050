import { ResourceValidationPolicy } from "@pulumi/policy";
import { humanSeconds, parseDuration } from "../lib/duration";
import { requireType } from "../lib/policy";
import { TOPIC } from "../lib/tokens";
import { present } from "../lib/unknown";

export interface TopicRetentionConfig {
    minSeconds: number;
    maxSeconds: number;
}

/** A topic that retains messages lets a failed consumer replay a scheduled run (seek) instead of waiting a day. */
export const pubsubTopicRetention: ResourceValidationPolicy = {
    name: "pubsub-topic-retention",
    description:
        "Pub/Sub topics that scheduled jobs publish to set messageRetentionDuration within the configured range, " +
        "so a missed run can be replayed with seek.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            minSeconds: { type: "number", minimum: 600, default: 600, description: "Shortest retention, in seconds (the API minimum is 10 minutes)." },
            maxSeconds: { type: "number", maximum: 2678400, default: 2678400, description: "Longest retention, in seconds (the API maximum is 31 days)." },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, TOPIC);
        const { minSeconds, maxSeconds } = args.getConfig<TopicRetentionConfig>();
        const value = args.props.messageRetentionDuration;
        if (!present(value)) {
            reportViolation(
                `the topic sets no messageRetentionDuration, so a published run cannot be replayed. Fix: set messageRetentionDuration, e.g. "${Math.max(minSeconds, 86400)}s".`,
            );
            return;
        }
        const seconds = parseDuration(value);
        if (seconds === undefined) {
            reportViolation(`messageRetentionDuration "${value}" is not a duration like "86400s". Fix: write it in seconds with an "s" suffix.`);
        } else if (seconds < minSeconds || seconds > maxSeconds) {
            reportViolation(
                `messageRetentionDuration "${value}" is outside ${humanSeconds(minSeconds)}..${humanSeconds(maxSeconds)}. Fix: choose a value from "${minSeconds}s" to "${maxSeconds}s".`,
            );
        }
    },
};
