import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoBasicRoles } from "../../src/policies/iam-no-basic-roles";
import { policyData, PROJECT, SA, t, validateResource } from "../helpers";

describe("iam-no-basic-roles", () => {
    it("passes predefined roles", async () => {
        assert.deepEqual((await validateResource(iamNoBasicRoles, t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/cloudscheduler.admin", member: SA })).violations, []);
    });

    it("reports roles/editor on a project IAMMember", async () => {
        const { violations } = await validateResource(iamNoBasicRoles, t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/editor", member: SA });
        assert.deepEqual(violations, [
            `grants basic role roles/editor to ${SA} on project ${PROJECT}. ` +
                "Fix: grant only the predefined role the pipeline needs (e.g. roles/run.invoker on the service, roles/pubsub.publisher on the topic).",
        ]);
    });

    it("reports basic roles in bindings and policies on any resource type", async () => {
        const binding = await validateResource(iamNoBasicRoles, "gcp:pubsub/topicIAMBinding:TopicIAMBinding", { topic: "projects/p/topics/t", role: "roles/owner", members: [SA, "user:x@cqc.example"] });
        assert.equal(binding.violations.length, 2);
        assert.match(binding.violations[1], /^grants basic role roles\/owner to user:x@cqc\.example on pubsub Topic projects\/p\/topics\/t/);
        const policy = await validateResource(iamNoBasicRoles, "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy", { name: "train", policyData: policyData("roles/viewer", [SA]) });
        assert.match(policy.violations[0], /^grants basic role roles\/viewer to .* on cloudrunv2 Service train/);
    });
});
