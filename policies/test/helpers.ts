/**
 * Test helpers: call a policy's validateResource / validateStack with fake args shaped like the
 * analyzer server's (props behind the SDK's unknown-checking proxy, opts, getConfig() with the
 * configSchema defaults merged with the given config, notApplicable(), stackTags) and collect
 * what it reports.
 */
import * as path from "path";
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { reconcile } from "../src/offline/config";
import { NotApplicableError, policyResources, resourceArgs, ResourceInput, stackArgs, stackTagsFor } from "../src/offline/engine";
import { UnknownValueError } from "../src/lib/sdk";
import * as t from "../src/lib/tokens";

export const FIXTURES = path.resolve(__dirname, "..", "..", "test", "fixtures");
export const PACK_ROOT = path.resolve(__dirname, "..", "..");

export interface Outcome {
    violations: string[];
    /** Set when the policy called notApplicable(reason). */
    notApplicable?: string;
    /** Set when the policy touched an unknown value (what preview reports as "can't run"). */
    unknown?: string;
}

/** The policy's config as the CLI would hand it over: schema defaults, then `config`; schema-checked. */
export function configFor(policy: ResourceValidationPolicy | StackValidationPolicy, config: Record<string, unknown> = {}): Record<string, unknown> {
    const { config: resolved, errors } = reconcile([policy], { [policy.name]: { properties: config } });
    if (errors.length > 0) {
        throw new Error(`test config is invalid: ${errors.join("; ")}`);
    }
    return resolved.get(policy.name)!.properties;
}

let counter = 0;

export function input(type: string, props: Record<string, unknown>, extra: Partial<ResourceInput> = {}): ResourceInput {
    const name = extra.name ?? `r${++counter}`;
    return {
        type,
        props,
        name,
        urn: extra.urn ?? `urn:pulumi:test::cqc-scheduler::${type}::${name}`,
        ...extra,
    };
}

async function capture(run: () => Promise<void> | void, outcome: Outcome): Promise<Outcome> {
    try {
        await run();
    } catch (e) {
        if (e instanceof NotApplicableError) {
            outcome.notApplicable = e.reason ?? "(no reason)";
        } else if (e instanceof UnknownValueError) {
            outcome.unknown = e.message;
        } else {
            throw e;
        }
    }
    return outcome;
}

/** Runs a resource policy on one resource. */
export async function validateResource(
    policy: ResourceValidationPolicy,
    type: string,
    props: Record<string, unknown>,
    config: Record<string, unknown> = {},
    extra: Partial<ResourceInput> = {},
): Promise<Outcome> {
    const outcome: Outcome = { violations: [] };
    const args = resourceArgs(input(type, props, extra), configFor(policy, config), stackTagsFor("cqc-scheduler"));
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    return capture(async () => {
        for (const v of validations) {
            await v(args, (message) => outcome.violations.push(message));
        }
    }, outcome);
}

export interface StackOutcome extends Outcome {
    /** "name: message" per violation (name of the resource whose URN was reported, or "(stack)"). */
    byResource: string[];
}

/** Runs a stack policy over resources (parents and dependsOn are URNs, linked like the server does). */
export async function validateStack(
    policy: StackValidationPolicy,
    resources: Array<ResourceInput & { dependsOn?: string[] }>,
    config: Record<string, unknown> = {},
): Promise<StackOutcome> {
    const outcome: StackOutcome = { violations: [], byResource: [] };
    const prs: PolicyResource[] = policyResources(resources);
    const args = stackArgs(prs, configFor(policy, config), stackTagsFor("cqc-scheduler"));
    await capture(() => policy.validateStack(args, (message, urn) => {
        outcome.violations.push(message);
        outcome.byResource.push(`${prs.find((r) => r.urn === urn)?.name ?? "(stack)"}: ${message}`);
    }), outcome);
    return outcome;
}

// ---- compliant resources, to be broken one property at a time --------------------------------

export const PROJECT = "cqc-ml-prod";
export const INVOKER = `sch-weekly-model-training@${PROJECT}.iam.gserviceaccount.com`;
export const RUN_URL = "https://x-123456789012.europe-west2.run.app";

export const RETRY = { retryCount: 1, maxRetryDuration: "0s", minBackoffDuration: "5s", maxBackoffDuration: "3600s", maxDoublings: 5 };

/** A compliant OIDC HTTP job (weekly-model-training). */
export function httpJob(): Record<string, any> {
    return {
        name: "weekly-model-training",
        region: "europe-west2",
        project: PROJECT,
        description: "Trains the CQC classifier.",
        schedule: "0 0 * * 0",
        timeZone: "Etc/UTC",
        paused: false,
        attemptDeadline: "320s",
        retryConfig: { ...RETRY },
        httpTarget: {
            uri: `${RUN_URL}/train`,
            httpMethod: "POST",
            body: Buffer.from('{"model":"cqc-classifier","version":"auto"}').toString("base64"),
            headers: { "Content-Type": "application/json" },
            oidcToken: { serviceAccountEmail: INVOKER, audience: RUN_URL },
        },
    };
}

/** A compliant OAuth job calling a Google API (dataflow-launch). */
export function oauthJob(): Record<string, any> {
    const job = httpJob();
    job.name = "dataflow-launch";
    job.httpTarget = {
        uri: `https://dataflow.googleapis.com/v1b3/projects/${PROJECT}/locations/europe-west2/templates:launch?gcsPath=gs://t/x`,
        httpMethod: "POST",
        oauthToken: { serviceAccountEmail: `sch-dataflow-launch@${PROJECT}.iam.gserviceaccount.com`, scope: "https://www.googleapis.com/auth/cloud-platform" },
    };
    return job;
}

/** A compliant Pub/Sub job (daily-data-ingestion). */
export function pubsubJob(): Record<string, any> {
    return {
        name: "daily-data-ingestion",
        region: "europe-west2",
        project: PROJECT,
        schedule: "0 2 * * *",
        timeZone: "Etc/UTC",
        paused: false,
        retryConfig: { ...RETRY },
        pubsubTarget: { topicName: `projects/${PROJECT}/topics/data-ingestion`, data: Buffer.from('{"source":"cqc-api"}').toString("base64") },
    };
}

/** A compliant App Engine job (weekly-appengine-task). */
export function appEngineJob(): Record<string, any> {
    return {
        name: "weekly-appengine-task",
        region: "europe-west2",
        project: PROJECT,
        schedule: "0 0 * * 0",
        timeZone: "Europe/London",
        attemptDeadline: "600s",
        retryConfig: { ...RETRY },
        appEngineHttpTarget: { relativeUri: "/tasks/weekly", httpMethod: "GET", appEngineRouting: { service: "worker", version: "v1" } },
    };
}

export function topic(): Record<string, any> {
    return { name: "data-ingestion", project: PROJECT, labels: { environment: "prod" }, messageRetentionDuration: "86400s" };
}

/** An IAM member string for the compliant invoker. */
export const SA = `serviceAccount:${INVOKER}`;

/** A policyData document with one binding. */
export const policyData = (role: string, members: string[]) => JSON.stringify({ bindings: [{ role, members }] });

// ---- stacks for stack policies ------------------------------------------------------------------

export type StackResource = ResourceInput & { dependsOn?: string[] };

/** A ScheduledPipeline component, the parent of a pipeline's resources. */
export const pipeline = (name: string): StackResource =>
    input(t.SCHEDULED_PIPELINE, {}, { name, urn: `urn:pulumi:prod::cqc-scheduler::${t.SCHEDULED_PIPELINE}::${name}` });

/** A resource registered under a pipeline component. */
export const child = (parent: StackResource, type: string, name: string, props: Record<string, unknown>, extra: Partial<ResourceInput> = {}): StackResource =>
    input(type, props, { name, parent: parent.urn, urn: `urn:pulumi:prod::cqc-scheduler::${t.SCHEDULED_PIPELINE}$${type}::${name}`, ...extra });

/** weekly-model-training as the program registers it: component, invoker account, run.invoker grant, job. */
export function trainingPipeline(member = `serviceAccount:${INVOKER}`): StackResource[] {
    const p = pipeline("weekly-model-training");
    return [
        p,
        child(p, t.SERVICE_ACCOUNT, "weekly-model-training-invoker", { accountId: "sch-weekly-model-training", project: PROJECT }, { protect: true }),
        child(p, t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, "weekly-model-training-run-invoker", { name: "ml-training", location: "europe-west2", role: "roles/run.invoker", member }),
        child(p, t.JOB, "weekly-model-training-job", httpJob()),
    ];
}

export { t };
