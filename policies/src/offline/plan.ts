/**
 * The offline plan (docs/plan.schema.json, schemaVersion 1) that the Java program writes with
 * `plan --format json`: what `pulumi preview` would register for one stack.
 */
import * as fs from "fs";
import Ajv2020 from "ajv/dist/2020";

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string | null;
    pipeline: string | null;
    props: Record<string, unknown>;
    options: {
        protect: boolean;
        retainOnDelete: boolean;
        deleteBeforeReplace: boolean;
        dependsOn: string[];
        aliases: string[];
    };
    afterApply: string[];
}

export interface Plan {
    schemaVersion: 1;
    project: string;
    stack: string;
    gcpProject: string;
    region: string;
    resources: PlanResource[];
    pipelines: unknown[];
    warnings: Array<{ path: string; message: string; rule: string | null }>;
}

export class PlanError extends Error {}

/** Checks a parsed plan against the JSON schema; returns readable errors (empty when valid). */
export function validatePlan(plan: unknown, schema: object): string[] {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    if (validate(plan)) {
        return [];
    }
    return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || "(root)"} ${e.message}`);
}

/** The checks the checker relies on, for when the schema file is not available. */
export function validatePlanShape(plan: any): string[] {
    const errors: string[] = [];
    if (plan === null || typeof plan !== "object") return ["(root) must be an object"];
    if (plan.schemaVersion !== 1) errors.push(`/schemaVersion must be 1, found ${JSON.stringify(plan.schemaVersion)}`);
    for (const k of ["project", "stack"]) {
        if (typeof plan[k] !== "string") errors.push(`/${k} must be a string`);
    }
    if (!Array.isArray(plan.resources)) {
        errors.push("/resources must be an array");
        return errors;
    }
    plan.resources.forEach((r: any, i: number) => {
        for (const k of ["urn", "type", "name"]) {
            if (typeof r?.[k] !== "string") errors.push(`/resources/${i}/${k} must be a string`);
        }
        if (typeof r?.custom !== "boolean") errors.push(`/resources/${i}/custom must be a boolean`);
        if (r?.props === null || typeof r?.props !== "object") errors.push(`/resources/${i}/props must be an object`);
        if (r?.options === null || typeof r?.options !== "object") errors.push(`/resources/${i}/options must be an object`);
    });
    return errors;
}

/**
 * Reads and validates a plan file. With a schema file, the full JSON schema applies; without one,
 * only the shape the checker needs.
 */
export function loadPlan(file: string, schemaFile?: string): Plan {
    let plan: unknown;
    try {
        plan = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new PlanError(`cannot read plan ${file}: ${(e as Error).message}`);
    }
    const errors = schemaFile
        ? validatePlan(plan, JSON.parse(fs.readFileSync(schemaFile, "utf8")))
        : validatePlanShape(plan);
    if (errors.length > 0) {
        throw new PlanError(`plan ${file} does not match ${schemaFile ?? "the plan format"}:\n  ${errors.join("\n  ")}`);
    }
    return plan as Plan;
}
