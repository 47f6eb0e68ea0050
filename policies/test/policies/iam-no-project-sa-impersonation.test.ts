import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoProjectSaImpersonation } from "../../src/policies/iam-no-project-sa-impersonation";
import { PROJECT, SA, t, validateResource } from "../helpers";

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
