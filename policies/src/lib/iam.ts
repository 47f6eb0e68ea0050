/**
 * Generic reading of the gcp provider's IAM resources. Every service module has the same three
 * shapes (the token spelling varies: `iAMMember`, `IamMember`, `IAMMember` ...):
 *   - *IAMMember / *IamMember:   non-authoritative, one `role` and one `member`;
 *   - *IAMBinding / *IamBinding: authoritative for one role, `role` and `members[]`;
 *   - *IAMPolicy / *IamPolicy:   authoritative for the whole resource, `policyData` (JSON text).
 * Matching the shape from the class name covers every service (projects, pubsub, serviceaccount,
 * cloudrun, cloudrunv2, cloudfunctions, cloudfunctionsv2, storage, bigquery, ...), including ones
 * this program does not create today.
 */

export type IamKind = "member" | "binding" | "policy";
/** Where the grant applies: a whole project / folder / organization, or one resource. */
export type IamScope = "project" | "folder" | "organization" | "resource";

export interface IamResourceInfo {
    kind: IamKind;
    scope: IamScope;
    /** Provider module, e.g. "projects", "cloudrunv2". */
    module: string;
}

export interface IamGrant {
    role: string;
    member: string;
}

const TOKEN = /^gcp:([A-Za-z0-9]+)\/[A-Za-z0-9]+:([A-Za-z0-9]+)$/;
const CLASS = /(?:IAM|Iam)(Member|Binding|Policy)$/;

/** Classifies a type token as one of the IAM shapes, or undefined for anything else. */
export function classifyIam(type: string): IamResourceInfo | undefined {
    const m = TOKEN.exec(type);
    if (!m) {
        return undefined;
    }
    const [, module, className] = m;
    const c = CLASS.exec(className);
    if (!c) {
        return undefined;
    }
    const kind = c[1].toLowerCase() as IamKind;
    const scope: IamScope =
        module === "projects" ? "project"
        : module === "folder" ? "folder"
        : module === "organizations" ? "organization"
        : "resource";
    return { kind, scope, module };
}

export interface IamGrants {
    grants: IamGrant[];
    /** Set when an IAMPolicy's policyData could not be read (not JSON, secret, wrong shape). */
    unreadable?: string;
}

/**
 * The (role, member) pairs an IAM resource grants. Reads only the properties of its shape, so
 * an unknown `member` during preview stops the policy (SDK behaviour) only where it matters.
 */
export function grantsOf(type: string, props: Record<string, any>): IamGrants {
    const info = classifyIam(type);
    if (!info) {
        return { grants: [] };
    }
    switch (info.kind) {
        case "member": {
            const role = props.role;
            const member = props.member;
            return typeof role === "string" && typeof member === "string"
                ? { grants: [{ role, member }] }
                : { grants: [] };
        }
        case "binding": {
            const role = props.role;
            const members = props.members;
            if (typeof role !== "string" || !Array.isArray(members)) {
                return { grants: [] };
            }
            const grants: IamGrant[] = [];
            for (const member of members) {
                if (typeof member === "string") {
                    grants.push({ role, member });
                }
            }
            return { grants };
        }
        case "policy":
            return grantsOfPolicyData(props.policyData);
    }
}

/** Parses an IAM policy document (`{"bindings":[{"role":..., "members":[...]}]}`). */
export function grantsOfPolicyData(policyData: unknown): IamGrants {
    if (typeof policyData !== "string") {
        return { grants: [], unreadable: "policyData is not set" };
    }
    let doc: any;
    try {
        doc = JSON.parse(policyData);
    } catch {
        return { grants: [], unreadable: "policyData is not JSON" };
    }
    const bindings = doc?.bindings;
    if (bindings === undefined) {
        return { grants: [] };
    }
    if (!Array.isArray(bindings)) {
        return { grants: [], unreadable: "policyData.bindings is not a list" };
    }
    const grants: IamGrant[] = [];
    for (const b of bindings) {
        if (typeof b?.role === "string" && Array.isArray(b.members)) {
            for (const member of b.members) {
                if (typeof member === "string") {
                    grants.push({ role: b.role, member });
                }
            }
        }
    }
    return { grants };
}

/** "serviceAccount:a@b" -> "a@b" (lower case); undefined for any other principal type. */
export function serviceAccountOf(member: string): string | undefined {
    const m = /^serviceAccount:(.+)$/.exec(member.trim());
    return m ? m[1].toLowerCase() : undefined;
}

/** Where a grant applies, for messages. */
export function describeScope(info: IamResourceInfo): string {
    return info.scope === "resource" ? `a ${info.module} resource` : `the ${info.scope}`;
}
