import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoAuthoritativeProjectPolicy } from "../../src/policies/iam-no-authoritative-project-policy";
import { policyData, PROJECT, SA, t, validateResource } from "../helpers";

describe("iam-no-authoritative-project-policy", () => {
    it("passes IAMMember and resource-level bindings", async () => {
        assert.deepEqual((await validateResource(iamNoAuthoritativeProjectPolicy, t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/run.invoker", member: SA })).violations, []);
        assert.ok((await validateResource(iamNoAuthoritativeProjectPolicy, "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", { name: "x", role: "roles/run.invoker", members: [SA] })).notApplicable);
    });

    it("reports a project IAMBinding", async () => {
        const { violations } = await validateResource(iamNoAuthoritativeProjectPolicy, t.PROJECT_IAM_BINDING, { project: PROJECT, role: "roles/run.invoker", members: [SA] });
        assert.deepEqual(violations, [
            "gcp:projects/iAMBinding:IAMBinding owns every member of roles/run.invoker on the project, removing anyone it does not list; " +
                "grants made outside this stack (other teams, Google service agents such as the Cloud Scheduler agent) would be deleted. " +
                "Fix: use gcp:projects/iAMMember:IAMMember, one per (role, member).",
        ]);
    });

    it("reports a project IAMPolicy", async () => {
        const { violations } = await validateResource(iamNoAuthoritativeProjectPolicy, t.PROJECT_IAM_POLICY, { project: PROJECT, policyData: policyData("roles/run.invoker", [SA]) });
        assert.match(violations[0], /^gcp:projects\/iAMPolicy:IAMPolicy replaces the whole IAM policy of the project/);
    });
});
