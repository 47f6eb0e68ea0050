/**
 * Runs the pack's policies over an offline plan the way the Pulumi engine and the
 * @pulumi/policy 1.21 analyzer server do during `pulumi preview --policy-pack`:
 *   - resource policies run once per custom resource (components are not analyzed), with props
 *     wrapped in the SDK's unknown-checking proxy, and `remediate` policies first rewrite props;
 *   - stack policies run once, over every resource (components included) with parents and
 *     dependencies resolved to the PolicyResource objects;
 *   - levels and config come from the reconciled --policy-pack-config; disabled policies are
 *     skipped, a violation under "remediate" is reported as mandatory (as the server does),
 *     and a policy that touches an unknown value reports an advisory "can't run during preview".
 */
import {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { unknownCheckingProxy, UnknownValueError } from "../lib/sdk";
import { ResolvedPolicyConfig } from "./config";
import { Plan } from "./plan";

export interface Violation {
    level: "advisory" | "mandatory";
    policy: string;
    /** Empty for a violation of the stack as a whole. */
    urn: string;
    message: string;
}

export interface Remediation {
    policy: string;
    urn: string;
    /** Top-level props the remediation added, changed or removed. */
    changed: string[];
}

export interface PolicyFailure {
    policy: string;
    urn: string;
    error: string;
}

export interface CheckResult {
    violations: Violation[];
    remediations: Remediation[];
    /** A policy threw something other than notApplicable/unknown: `pulumi preview` would fail. */
    failures: PolicyFailure[];
    notApplicable: number;
    resources: number;
    customResources: number;
    policiesRun: number;
    policiesDisabled: string[];
}

/** Thrown by `notApplicable()` in offline args (the SDK's own error class is internal). */
export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

function isTypeOf(type: string, resourceClass: any): boolean {
    const token = resourceClass?.__pulumiType;
    if (typeof token === "string") {
        return token === type;
    }
    const isInstance = resourceClass?.isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

/** Options as the analyzer server builds them (getResourceOptions), plus retainOnDelete from the plan. */
export interface OfflineResourceOptions extends PolicyResourceOptions {
    retainOnDelete: boolean;
}

export interface ResourceInput {
    type: string;
    props: Record<string, unknown>;
    urn: string;
    name: string;
    protect?: boolean;
    retainOnDelete?: boolean;
    deleteBeforeReplace?: boolean;
    aliases?: string[];
    parent?: string;
}

export function resourceOptions(r: ResourceInput): OfflineResourceOptions {
    const opts: OfflineResourceOptions = {
        protect: r.protect ?? false,
        ignoreChanges: [],
        aliases: r.aliases ?? [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        retainOnDelete: r.retainOnDelete ?? false,
    };
    if (r.deleteBeforeReplace !== undefined) {
        opts.deleteBeforeReplace = r.deleteBeforeReplace;
    }
    if (r.parent) {
        opts.parent = r.parent;
    }
    return opts;
}

function freezeMap(map: Map<string, string>): ReadonlyMap<string, string> {
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    }) as ReadonlyMap<string, string>;
}

/** Stack tags the engine sends with configureStack. */
export function stackTagsFor(project: string): ReadonlyMap<string, string> {
    return freezeMap(new Map([["pulumi:project", project], ["pulumi:runtime", "java"]]));
}

function copy<T>(v: T): T {
    return JSON.parse(JSON.stringify(v));
}

/** The args `validateResource` / `remediateResource` receive for one resource. */
export function resourceArgs(
    r: ResourceInput,
    config: Record<string, unknown>,
    stackTags: ReadonlyMap<string, string>,
): ResourceValidationArgs {
    const props = unknownCheckingProxy(copy(r.props)) as Record<string, any>;
    const cfg = copy(config);
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: resourceOptions(r),
        stackTags,
        isType: (cls: any) => isTypeOf(r.type, cls),
        asType: ((cls: any) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => copy(cfg) as T,
        notApplicable: throwNotApplicable,
    };
}

/** PolicyResource objects for a stack policy, with parent and dependencies linked by URN. */
export function policyResources(
    inputs: Array<ResourceInput & { dependsOn?: string[] }>,
): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const out = inputs.map((r) => {
        const props = unknownCheckingProxy(copy(r.props)) as Record<string, any>;
        const resource: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: resourceOptions(r),
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: any) => isTypeOf(r.type, cls),
            asType: ((cls: any) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    inputs.forEach((r, i) => {
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (parent) {
            out[i].parent = parent;
        }
        out[i].dependencies = (r.dependsOn ?? []).map((u) => byUrn.get(u)).filter((d): d is PolicyResource => d !== undefined);
    });
    return out;
}

/** The args `validateStack` receives. */
export function stackArgs(
    resources: PolicyResource[],
    config: Record<string, unknown>,
    stackTags: ReadonlyMap<string, string>,
): StackValidationArgs {
    const cfg = copy(config);
    return {
        resources,
        stackTags,
        getConfig: <T extends object>() => copy(cfg) as T,
        notApplicable: throwNotApplicable,
    };
}

export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The URN of a stack's root resource, which the engine makes the parent of top-level resources. */
export function stackUrn(plan: Pick<Plan, "project" | "stack">): string {
    return `urn:pulumi:${plan.stack}::${plan.project}::${STACK_TYPE}::${plan.project}-${plan.stack}`;
}

/** Plan resources as the engine would hold them: the root stack resource first, parents resolved. */
export function planInputs(plan: Plan): Array<ResourceInput & { custom: boolean; dependsOn: string[] }> {
    const hasStack = plan.resources.some((r) => r.type === STACK_TYPE);
    const root = stackUrn(plan);
    const inputs: Array<ResourceInput & { custom: boolean; dependsOn: string[] }> = [];
    if (!hasStack) {
        inputs.push({ type: STACK_TYPE, props: {}, urn: root, name: `${plan.project}-${plan.stack}`, custom: false, dependsOn: [] });
    }
    for (const r of plan.resources) {
        inputs.push({
            type: r.type,
            props: r.props,
            urn: r.urn,
            name: r.name,
            custom: r.custom,
            protect: r.options.protect,
            retainOnDelete: r.options.retainOnDelete,
            deleteBeforeReplace: r.options.deleteBeforeReplace,
            aliases: r.options.aliases,
            parent: r.parent ?? (r.type === STACK_TYPE || hasStack ? undefined : root),
            dependsOn: r.options.dependsOn,
        });
    }
    return inputs;
}

function isResourcePolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is ResourceValidationPolicy {
    return "validateResource" in p || "remediateResource" in p;
}

function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

function reportingLevel(level: EnforcementLevel): "advisory" | "mandatory" {
    return level === "advisory" ? "advisory" : "mandatory";
}

/** Runs every enabled policy over a plan with reconciled config. */
export async function checkPlan(
    plan: Plan,
    policies: Policies,
    config: Map<string, ResolvedPolicyConfig>,
    packName = "cqc-scheduler",
): Promise<CheckResult> {
    const inputs = planInputs(plan);
    const tags = stackTagsFor(plan.project);
    const result: CheckResult = {
        violations: [],
        remediations: [],
        failures: [],
        notApplicable: 0,
        resources: plan.resources.length,
        customResources: plan.resources.filter((r) => r.custom).length,
        policiesRun: 0,
        policiesDisabled: [],
    };
    const levelOf = (p: { name: string; enforcementLevel?: EnforcementLevel }): EnforcementLevel =>
        config.get(p.name)?.enforcementLevel ?? p.enforcementLevel ?? "advisory";
    const propsOf = (name: string) => config.get(name)?.properties ?? {};

    for (const p of policies) {
        if (levelOf(p) === "disabled") result.policiesDisabled.push(p.name);
        else result.policiesRun++;
    }

    const handle = (p: { name: string }, urn: string, e: unknown): void => {
        if (e instanceof NotApplicableError) {
            result.notApplicable++;
        } else if (e instanceof UnknownValueError) {
            result.violations.push({
                level: "advisory",
                policy: p.name,
                urn,
                message: `can't run policy '${p.name}' from policy pack '${packName}' during preview: ${(e as Error).message}`,
            });
        } else {
            result.failures.push({ policy: p.name, urn, error: e instanceof Error ? e.message : String(e) });
        }
    };

    // Resource policies: remediations first (they rewrite props), then validations.
    const finalProps = new Map<string, Record<string, unknown>>();
    for (const input of inputs.filter((r) => r.custom)) {
        let props = input.props;
        for (const p of policies) {
            if (!isResourcePolicy(p) || levelOf(p) !== "remediate" || !p.remediateResource) continue;
            try {
                const args = resourceArgs({ ...input, props }, propsOf(p.name), tags);
                const out = await Promise.resolve(p.remediateResource(args));
                if (out) {
                    const next = copy(out) as Record<string, unknown>;
                    const keys = new Set([...Object.keys(props), ...Object.keys(next)]);
                    const changed = [...keys].filter((k) => JSON.stringify(props[k]) !== JSON.stringify(next[k]));
                    result.remediations.push({ policy: p.name, urn: input.urn, changed });
                    props = next;
                }
            } catch (e) {
                handle(p, input.urn, e);
            }
        }
        for (const p of policies) {
            const level = levelOf(p);
            if (!isResourcePolicy(p) || level === "disabled" || !p.validateResource) continue;
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            for (const validate of validations) {
                const report: ReportViolation = (message: string) => {
                    result.violations.push({ level: reportingLevel(level), policy: p.name, urn: input.urn, message });
                };
                try {
                    await Promise.resolve(validate(resourceArgs({ ...input, props }, propsOf(p.name), tags), report));
                } catch (e) {
                    handle(p, input.urn, e);
                }
            }
        }
        finalProps.set(input.urn, props);
    }

    // Stack policies: once, over everything (with remediated props, as the engine would hold them).
    const resources = policyResources(inputs.map((r) => ({ ...r, props: finalProps.get(r.urn) ?? r.props })));
    for (const p of policies) {
        const level = levelOf(p);
        if (!isStackPolicy(p) || level === "disabled") continue;
        const report: ReportViolation = (message: string, urn?: string) => {
            result.violations.push({ level: reportingLevel(level), policy: p.name, urn: urn ?? "", message });
        };
        try {
            await Promise.resolve(p.validateStack(stackArgs(resources, propsOf(p.name), tags), report));
        } catch (e) {
            handle(p, "", e);
        }
    }
    return result;
}
