import { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { humanSeconds, parseDuration } from "../lib/duration";
import { PROVIDER_DEFAULT_DEADLINE, targetsOf } from "../lib/job";
import { listing, requireType } from "../lib/policy";
import { JOB } from "../lib/tokens";
import { obj } from "../lib/unknown";

export interface RetryBoundsConfig {
    minRetryCount: number;
    maxRetryCount: number;
    maxBackoffSeconds: number;
    /** 0 = no upper bound on maxRetryDuration. */
    maxRetryDurationSeconds: number;
}

const FIELDS = ["retryCount", "maxRetryDuration", "minBackoffDuration", "maxBackoffDuration", "maxDoublings"] as const;
const DURATIONS = ["maxRetryDuration", "minBackoffDuration", "maxBackoffDuration"] as const;

/** attempt_deadline ranges per target (R4.2, R4.3); Pub/Sub must not set it at all (R4.4, P1). */
const DEADLINES: Record<string, { min: number; max: number; zeroAllowed: boolean; rule: string }> = {
    http: { min: 15, max: 1800, zeroAllowed: false, rule: "R4.2" },
    appengine: { min: 15, max: 87315, zeroAllowed: true, rule: "R4.3" },
};

/** R4.*, R5.* and P1/P2: a complete retryConfig within the stack's bounds; attemptDeadline only where it means something. */
export const schedulerRetryBounds: ResourceValidationPolicy = {
    name: "scheduler-retry-bounds",
    description:
        "Every Cloud Scheduler job sends a complete retryConfig (all five fields) within this stack's bounds, " +
        "and sets attemptDeadline only on HTTP and App Engine targets (never on Pub/Sub, where it drifts forever).",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            minRetryCount: { type: "integer", minimum: 0, maximum: 5, default: 0, description: "Smallest retryConfig.retryCount allowed." },
            maxRetryCount: { type: "integer", minimum: 0, maximum: 5, default: 5, description: "Largest retryConfig.retryCount allowed (the API caps it at 5)." },
            maxBackoffSeconds: { type: "number", exclusiveMinimum: 0, default: 3600, description: "Largest retryConfig.maxBackoffDuration, in seconds." },
            maxRetryDurationSeconds: {
                type: "number",
                minimum: 0,
                default: 0,
                description: "Largest retryConfig.maxRetryDuration, in seconds; 0 means no upper bound (\"0s\", unlimited, is then allowed).",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        requireType(args, JOB);
        checkDeadline(args.props, reportViolation);
        checkRetry(args.getConfig<RetryBoundsConfig>(), args.props, reportViolation);
    },
};

/** attempt deadline (R4.2-R4.4, P1, P13). */
function checkDeadline(props: Record<string, any>, reportViolation: ReportViolation): void {
    const targets = targetsOf(props);
    const deadline = props.attemptDeadline;
    if (deadline === undefined || deadline === null || deadline === "") {
        return;
    }
    if (targets.includes("pubsub")) {
        if (deadline !== PROVIDER_DEFAULT_DEADLINE) {
            reportViolation(
                `attemptDeadline "${deadline}" is set on a Pub/Sub job: the API ignores it and the provider shows a diff on every preview (R4.4, P1). ` +
                `Fix: leave attemptDeadline unset for Pub/Sub targets (the provider's own default "${PROVIDER_DEFAULT_DEADLINE}" is accepted, P13).`,
            );
        }
        return;
    }
    const range = DEADLINES[targets[0] ?? ""];
    const seconds = parseDuration(deadline);
    if (seconds === undefined) {
        reportViolation(`attemptDeadline "${deadline}" is not a duration like "180s" or "3.5s". Fix: write it in seconds with an "s" suffix.`);
    } else if (range && !(range.zeroAllowed && seconds === 0) && (seconds < range.min || seconds > range.max)) {
        reportViolation(
            `attemptDeadline "${deadline}" is outside ${humanSeconds(range.min)}..${humanSeconds(range.max)} for ${targets[0] === "http" ? "HTTP" : "App Engine"} targets (${range.rule}). ` +
            `Fix: choose a value between "${range.min}s" and "${range.max}s".`,
        );
    }
}

/** retry config (R5.*, P2) within the stack's bounds. */
function checkRetry(cfg: RetryBoundsConfig, props: Record<string, any>, reportViolation: ReportViolation): void {
    const retry = obj(props.retryConfig);
    if (!retry) {
        reportViolation(
            "the job has no retryConfig, so the API's defaults apply and the provider shows drift (P2). " +
            `Fix: send retryConfig {retryCount (${cfg.minRetryCount}..${cfg.maxRetryCount}), maxRetryDuration, minBackoffDuration, maxBackoffDuration, maxDoublings}.`,
        );
        return;
    }
    const missing = FIELDS.filter((f) => retry[f] === undefined || retry[f] === null || retry[f] === "");
    if (missing.length > 0) {
        reportViolation(
            `retryConfig lacks ${listing(missing)}: an omitted field is decided by the API's defaults and drifts (P2, R5.5). ` +
            "Fix: send all five fields from the pipeline's retry policy.",
        );
    }

    const count = retry.retryCount;
    if (count !== undefined && count !== null) {
        if (!Number.isInteger(count) || count < cfg.minRetryCount || count > cfg.maxRetryCount) {
            reportViolation(
                `retryConfig.retryCount ${JSON.stringify(count)} is outside this stack's bounds ${cfg.minRetryCount}..${cfg.maxRetryCount} (the API allows 0..5, R5.1). ` +
                `Fix: set retry.count to a whole number from ${cfg.minRetryCount} to ${cfg.maxRetryCount}.`,
            );
        }
    }

    const seconds: Partial<Record<(typeof DURATIONS)[number], number>> = {};
    for (const field of DURATIONS) {
        const value = retry[field];
        if (value === undefined || value === null || value === "") {
            continue;
        }
        const s = parseDuration(value);
        if (s === undefined) {
            reportViolation(`retryConfig.${field} ${JSON.stringify(value)} is not a duration like "5s" or "3600s". Fix: write it in seconds with an "s" suffix.`);
        } else {
            seconds[field] = s;
        }
    }
    const { minBackoffDuration: minB, maxBackoffDuration: maxB, maxRetryDuration: maxR } = seconds;
    if (minB !== undefined && maxB !== undefined && minB > maxB) {
        reportViolation(
            `retryConfig.minBackoffDuration "${retry.minBackoffDuration}" is longer than maxBackoffDuration "${retry.maxBackoffDuration}" (R5.7). ` +
            "Fix: make minBackoffDuration <= maxBackoffDuration.",
        );
    }
    if (maxB !== undefined && maxB > cfg.maxBackoffSeconds) {
        reportViolation(
            `retryConfig.maxBackoffDuration "${retry.maxBackoffDuration}" exceeds this stack's limit of ${cfg.maxBackoffSeconds}s (${humanSeconds(cfg.maxBackoffSeconds)}). ` +
            `Fix: set it to "${cfg.maxBackoffSeconds}s" or less.`,
        );
    }
    if (maxR !== undefined && cfg.maxRetryDurationSeconds > 0 && (maxR === 0 || maxR > cfg.maxRetryDurationSeconds)) {
        reportViolation(
            `retryConfig.maxRetryDuration "${retry.maxRetryDuration}" ${maxR === 0 ? "means retrying without a time limit" : "is too long"}; ` +
            `this stack allows at most ${cfg.maxRetryDurationSeconds}s (${humanSeconds(cfg.maxRetryDurationSeconds)}). Fix: set a limit of "${cfg.maxRetryDurationSeconds}s" or less.`,
        );
    }
    const doublings = retry.maxDoublings;
    if (doublings !== undefined && doublings !== null && (!Number.isInteger(doublings) || doublings < 0)) {
        reportViolation(`retryConfig.maxDoublings ${JSON.stringify(doublings)} is not a whole number >= 0 (R5.5). Fix: use the API default 5 unless the pipeline needs otherwise.`);
    }
}
