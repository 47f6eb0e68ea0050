import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { invokerScoped } from "../../src/policies/invoker-scoped";
import { child, input, INVOKER, oauthJob, pipeline, PROJECT, t, topic, trainingPipeline, validateStack } from "../helpers";

describe("invoker-scoped", () => {
    it("passes a run.invoker grant to the job's own OIDC account (emails compared case-insensitively)", async () => {
        const r = await validateStack(invokerScoped, trainingPipeline(`serviceAccount:${INVOKER.toUpperCase()}`));
        assert.deepEqual(r.byResource, []);
    });

    it("passes a cloudfunctions.invoker grant to an OAuth job's account", async () => {
        const job = oauthJob();
        const sa = job.httpTarget.oauthToken.serviceAccountEmail;
        const p = pipeline("function-trigger");
        const r = await validateStack(invokerScoped, [
            p,
            child(p, t.JOB, "function-trigger-job", job),
            child(p, t.CLOUD_FUNCTIONS_IAM_MEMBER, "function-trigger-invoker", { cloudFunction: "f", role: "roles/cloudfunctions.invoker", member: `serviceAccount:${sa}` }),
        ]);
        assert.deepEqual(r.byResource, []);
    });

    it("reports a grant to a service account no job uses", async () => {
        const resources = trainingPipeline("serviceAccount:ml-training@cqc-ml-prod.iam.gserviceaccount.com");
        const r = await validateStack(invokerScoped, resources);
        assert.deepEqual(r.byResource, [
            "weekly-model-training-run-invoker: weekly-model-training-run-invoker grants roles/run.invoker to serviceAccount:ml-training@cqc-ml-prod.iam.gserviceaccount.com, " +
                `but no Cloud Scheduler job in this stack uses ml-training@cqc-ml-prod.iam.gserviceaccount.com as its token service account (jobs use: ${INVOKER}). ` +
                "Fix: grant the role to the invoker service account of the job that calls this target, or remove the grant.",
        ]);
    });

    it("reports a public principal and a project-wide invoker grant", async () => {
        const resources = [
            ...trainingPipeline("allUsers"),
            input(t.PROJECT_IAM_MEMBER, { project: PROJECT, role: "roles/run.invoker", member: `serviceAccount:${INVOKER}` }, { name: "project-invoker" }),
        ];
        const r = await validateStack(invokerScoped, resources);
        assert.equal(r.byResource.length, 2);
        assert.match(r.byResource[0], /^weekly-model-training-run-invoker: .* grants roles\/run\.invoker to allUsers, which is not a service account/);
        assert.match(r.byResource[1], /^project-invoker: project-invoker grants roles\/run\.invoker to serviceAccount:.* on the whole project, which lets it invoke every service there/);
    });

    it("finds grants inside a binding's members", async () => {
        const p = pipeline("x");
        const r = await validateStack(invokerScoped, [
            ...trainingPipeline(),
            child(p, "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "binding", { name: "ml-training", role: "roles/run.invoker", members: [`serviceAccount:${INVOKER}`, "user:dev@cqc.example"] }),
        ]);
        assert.deepEqual(r.byResource.map((v) => v.split(",")[0]), ["binding: binding grants roles/run.invoker to user:dev@cqc.example"]);
    });

    it("is not applicable to a stack without invoker grants", async () => {
        const r = await validateStack(invokerScoped, [input(t.TOPIC, topic())]);
        assert.equal(r.notApplicable, "the stack grants no invoker role");
    });
});
