import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoPublicPrincipals } from "../../src/policies/iam-no-public-principals";
import { policyData, PROJECT, SA, t, validateResource } from "../helpers";

describe("iam-no-public-principals", () => {
    it("passes a grant to a service account", async () => {
        assert.deepEqual((await validateResource(iamNoPublicPrincipals, t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, { name: "train", role: "roles/run.invoker", member: SA })).violations, []);
    });

    it("reports allUsers run.invoker on a Cloud Run service", async () => {
        const { violations } = await validateResource(iamNoPublicPrincipals, t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, { name: "train", location: "europe-west2", role: "roles/run.invoker", member: "allUsers" });
        assert.deepEqual(violations, [
            "grants roles/run.invoker to allUsers on cloudrunv2 Service train: anyone on the internet gets it. " +
                "Fix: grant the role to the pipeline's invoker service account (serviceAccount:sch-...@<project>.iam.gserviceaccount.com) only.",
        ]);
    });

    it("reports allAuthenticatedUsers in a topic binding and in a project policy", async () => {
        const binding = await validateResource(iamNoPublicPrincipals, "gcp:pubsub/topicIAMBinding:TopicIAMBinding", { topic: "t", role: "roles/pubsub.publisher", members: ["allAuthenticatedUsers"] });
        assert.match(binding.violations[0], /to allAuthenticatedUsers on pubsub Topic t: anyone with a Google account gets it/);
        const policy = await validateResource(iamNoPublicPrincipals, t.PROJECT_IAM_POLICY, { project: PROJECT, policyData: policyData("roles/run.invoker", ["allUsers"]) });
        assert.equal(policy.violations.length, 1);
    });
});
