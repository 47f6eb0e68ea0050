import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyIam, grantsOf } from "../src/lib/iam";
import { policyData, t } from "./helpers";

describe("IAM resource classification", () => {
    it("recognises every IAM token the pack knows, with its shape and scope", () => {
        const expected: Record<string, [string, string]> = {
            "gcp:projects/iAMMember:IAMMember": ["member", "project"],
            "gcp:projects/iAMBinding:IAMBinding": ["binding", "project"],
            "gcp:projects/iAMPolicy:IAMPolicy": ["policy", "project"],
            "gcp:pubsub/topicIAMMember:TopicIAMMember": ["member", "resource"],
            "gcp:serviceaccount/iAMMember:IAMMember": ["member", "resource"],
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember": ["member", "resource"],
            "gcp:cloudrun/iamMember:IamMember": ["member", "resource"],
            "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember": ["member", "resource"],
            "gcp:organizations/iAMBinding:IAMBinding": ["binding", "organization"],
            "gcp:folder/iAMMember:IAMMember": ["member", "folder"],
        };
        for (const [type, [kind, scope]] of Object.entries(expected)) {
            assert.deepEqual([classifyIam(type)?.kind, classifyIam(type)?.scope], [kind, scope], type);
        }
    });

    it("ignores resources that are not IAM grants", () => {
        for (const type of [t.JOB, t.TOPIC, t.SERVICE_ACCOUNT, "gcp:projects/iAMCustomRole:IAMCustomRole", "gcp:projects/iAMMemberRemove:IAMMemberRemove", "gcp:organizations/policy:Policy"]) {
            assert.equal(classifyIam(type), undefined, type);
        }
    });

    it("reads policyData bindings and reports unreadable ones", () => {
        assert.deepEqual(grantsOf(t.PROJECT_IAM_POLICY, { policyData: policyData("roles/viewer", ["user:a@b", "group:c@d"]) }).grants, [
            { role: "roles/viewer", member: "user:a@b" },
            { role: "roles/viewer", member: "group:c@d" },
        ]);
        assert.equal(grantsOf(t.PROJECT_IAM_POLICY, { policyData: "[secret]" }).unreadable, "policyData is not JSON");
    });
});
