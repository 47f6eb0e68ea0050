import { ResourceValidationArgs } from "@pulumi/policy";
import { classifyIam, grantsOf, IamGrant, IamResourceInfo } from "./iam";

/** The grants of an IAM resource, or notApplicable for any other resource. */
export function iamGrants(args: ResourceValidationArgs): { info: IamResourceInfo; grants: IamGrant[] } {
    const info = classifyIam(args.type);
    if (!info) {
        return args.notApplicable("applies only to IAM member, binding and policy resources");
    }
    const { grants, unreadable } = grantsOf(args.type, args.props);
    if (unreadable) {
        return args.notApplicable(`cannot read the grants: ${unreadable}`);
    }
    return { info, grants };
}

/** "on project p", "on cloudrunv2 Service reports" ... for messages. */
export function where(type: string, info: IamResourceInfo, props: Record<string, any>): string {
    if (info.scope !== "resource") {
        const id = info.scope === "project" ? props.project : info.scope === "folder" ? props.folder : props.orgId;
        return typeof id === "string" ? `on ${info.scope} ${id}` : `on the whole ${info.scope}`;
    }
    const noun = (type.split(":").pop() ?? "").replace(/(?:IAM|Iam)(?:Member|Binding|Policy)$/, "") || "resource";
    for (const key of ["name", "service", "topic", "serviceAccountId", "cloudFunction", "bucket", "subscription"]) {
        const v = props[key];
        if (typeof v === "string") {
            return `on ${info.module} ${noun} ${v}`;
        }
    }
    return `on a ${info.module} resource`;
}
