/**
 * Policy pack config exactly as the Pulumi CLI handles `--policy-pack-config FILE`
 * (pulumi/pulumi pkg/resource/analyzer/config.go): parse, then reconcile with the pack's metadata.
 *   1. every policy starts with its own level (or the pack's) and its configSchema defaults;
 *   2. "all": LEVEL sets the level of every policy;
 *   3. "<policy>": LEVEL or {enforcementLevel?, ...properties} overrides level and properties;
 *   4. each policy's merged properties are validated against {type: object, properties, required}.
 */
import Ajv from "ajv";
import { EnforcementLevel, Policies } from "@pulumi/policy";

export const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface GivenPolicyConfig {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export class ConfigError extends Error {}

function isLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (LEVELS as string[]).includes(v);
}

/** Parses the JSON of a --policy-pack-config file; throws ConfigError like the CLI does. */
export function parsePackConfig(json: unknown): Record<string, GivenPolicyConfig> {
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
        throw new ConfigError("policy pack config must be a JSON object");
    }
    const out: Record<string, GivenPolicyConfig> = {};
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (typeof value === "string") {
            if (!isLevel(value)) {
                throw new ConfigError(`parsing enforcement level for "${key}": "${value}" is not a valid enforcement level`);
            }
            out[key] = { enforcementLevel: value, properties: {} };
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                throw new ConfigError(`parsing enforcement level for "${key}": ${JSON.stringify(enforcementLevel)} is not a valid enforcement level`);
            }
            out[key] = { enforcementLevel: enforcementLevel as EnforcementLevel | undefined, properties };
        } else {
            throw new ConfigError(`parsing "${key}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return out;
}

function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** Each policy's config when none is given: its level (or the pack's) and its schema defaults. */
export function defaultConfig(policies: Policies, packLevel: EnforcementLevel = "advisory"): Map<string, ResolvedPolicyConfig> {
    const result = new Map<string, ResolvedPolicyConfig>();
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (typeof schema === "object" && schema !== null && "default" in schema) {
                properties[k] = clone(schema.default);
            }
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel ?? packLevel, properties });
    }
    return result;
}

export interface Reconciled {
    config: Map<string, ResolvedPolicyConfig>;
    /** Schema violations: the CLI refuses to run with any of these. */
    errors: string[];
    /** Likely mistakes the CLI accepts silently (unknown policy names or property keys). */
    warnings: string[];
}

const ajv = new Ajv({ strict: false, allErrors: true });

/** Reconciles given config with the pack's policies the way the CLI does. */
export function reconcile(
    policies: Policies,
    given: Record<string, GivenPolicyConfig> | undefined,
    packLevel: EnforcementLevel = "advisory",
): Reconciled {
    const config = defaultConfig(policies, packLevel);
    const errors: string[] = [];
    const warnings: string[] = [];
    if (given) {
        const all = given["all"];
        if (all?.enforcementLevel) {
            for (const c of config.values()) {
                c.enforcementLevel = all.enforcementLevel;
            }
        }
        for (const [name, g] of Object.entries(given)) {
            if (name === "all") {
                continue;
            }
            const c = config.get(name);
            if (!c) {
                warnings.push(`config names policy "${name}", which this pack does not have`);
                continue;
            }
            if (g.enforcementLevel) {
                c.enforcementLevel = g.enforcementLevel;
            }
            Object.assign(c.properties, clone(g.properties));
        }
    }
    for (const p of policies) {
        const c = config.get(p.name)!;
        const schemaProps = p.configSchema?.properties ?? {};
        for (const key of Object.keys(c.properties)) {
            if (!(key in schemaProps)) {
                warnings.push(`${p.name}: config property "${key}" is not in the policy's configSchema and is ignored`);
            }
        }
        if (!p.configSchema) {
            continue;
        }
        const schema: Record<string, unknown> = { type: "object" };
        if (Object.keys(schemaProps).length > 0) schema.properties = schemaProps;
        if (p.configSchema.required?.length) schema.required = p.configSchema.required;
        const validate = ajv.compile(schema);
        if (!validate(c.properties)) {
            for (const e of validate.errors ?? []) {
                errors.push(`${p.name}: ${e.instancePath ? `${e.instancePath.slice(1)} ` : ""}${e.message}`);
            }
        }
    }
    return { config, errors, warnings };
}
