import { ResourceValidationArgs } from "@pulumi/policy";
import { JOB } from "./tokens";
import { obj } from "./unknown";

/**
 * Marks the policy not applicable (SDK 1.21 `notApplicable`) unless the resource has one of the
 * given type tokens. Returns normally only for a matching resource.
 */
export function requireType(args: ResourceValidationArgs, ...types: string[]): void {
    if (!types.includes(args.type)) {
        args.notApplicable(`applies only to ${types.join(", ")}`);
    }
}

/**
 * The opening of every policy about a job's HTTP target: the job's `httpTarget`, or notApplicable for
 * any other resource and for jobs with a Pub/Sub or App Engine target.
 */
export function jobHttpTarget(args: ResourceValidationArgs): Record<string, any> {
    requireType(args, JOB);
    const http = obj(args.props.httpTarget);
    if (!http) {
        return args.notApplicable("the job has no HTTP target");
    }
    return http;
}

/** Compiles a regular expression from policy config, naming the setting when it is invalid. */
export function configRegExp(policy: string, setting: string, pattern: string): RegExp {
    try {
        return new RegExp(pattern);
    } catch (e) {
        throw new Error(`policy ${policy}: config ${setting} ${JSON.stringify(pattern)} is not a valid regular expression: ${(e as Error).message}`);
    }
}

/** "a", "a and b", "a, b and c". */
export function listing(items: string[]): string {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
