import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyIam, grantsOf } from "../src/lib/iam";
import { iamNoAuthoritativeProjectPolicy } from "../src/policies/iam-no-authoritative-project-policy";
import { iamNoBasicRoles } from "../src/policies/iam-no-basic-roles";
import { iamNoProjectSaImpersonation } from "../src/policies/iam-no-project-sa-impersonation";
import { iamNoPublicPrincipals } from "../src/policies/iam-no-public-principals";
import { INVOKER, PROJECT, t, validateResource } from "./helpers";

const SA = `serviceAccount:${INVOKER}`;
const policyData = (role: string, members: string[]) => JSON.stringify({ bindings: [{ role, members }] });

describe("IAM resource classification", () => {
    it("recognises every IAM token of policies.md with its shape and scope", () => {
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

describe("iam-no-project-sa-impersonation", () => {
    it("passes serviceAccountUser granted on the one service account", async () => {
        const r = await validateResource(iamNoProjectSaImpersonation, t.SERVICE_ACCOUNT_IAM_MEMBER, { serviceAccountId: "projects/p/serviceAccounts/x", role: "roles/iam.serviceAccountUser", member: "user:deployer@cqc.example" });
        assert.deepEqual(r.violations, []);
        assert.equal(r.notApplicable, "the grant is on a single resource");
        assert.deepEqual((await validateResource(iamNoProjectSaImpersonation, t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/run.invoker", member: SA })).violations, []);
    });

    it("reports serviceAccountTokenCreator on the project", async () => {
        const { violations } = await validateResource(iamNoProjectSaImpersonation, t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/iam.serviceAccountTokenCreator", member: SA });
        assert.equal(violations.length, 1);
        assert.ok(violations[0].startsWith(`grants roles/iam.serviceAccountTokenCreator to ${SA} on project ${PROJECT}: it can then act as every service account there`));
        assert.match(violations[0], /Fix: grant the role on the one service account it needs \(gcp:serviceaccount\/iAMMember:IAMMember/);
    });

    it("reports serviceAccountUser in a folder binding", async () => {
        const { violations } = await validateResource(iamNoProjectSaImpersonation, "gcp:folder/iAMBinding:IAMBinding", { folder: "folders/1", role: "roles/iam.serviceAccountUser", members: ["group:ml@cqc.example"] });
        assert.match(violations[0], /^grants roles\/iam\.serviceAccountUser to group:ml@cqc\.example on folder folders\/1/);
    });
});

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
