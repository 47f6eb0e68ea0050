import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { invokerScoped } from "../src/policies/invoker-scoped";
import { prodProtected } from "../src/policies/prod-protected";
import { ResourceInput } from "../src/offline/engine";
import { httpJob, input, INVOKER, oauthJob, PROJECT, t, topic, validateStack } from "./helpers";

type R = ResourceInput & { dependsOn?: string[] };

const pipeline = (name: string): R => input(t.SCHEDULED_PIPELINE, {}, { name, urn: `urn:pulumi:prod::cqc-scheduler::${t.SCHEDULED_PIPELINE}::${name}` });
const child = (parent: R, type: string, name: string, props: Record<string, unknown>, extra: Partial<ResourceInput> = {}): R =>
    input(type, props, { name, parent: parent.urn, urn: `urn:pulumi:prod::cqc-scheduler::${t.SCHEDULED_PIPELINE}$${type}::${name}`, ...extra });

function trainingPipeline(member = `serviceAccount:${INVOKER}`): R[] {
    const p = pipeline("weekly-model-training");
    return [
        p,
        child(p, t.SERVICE_ACCOUNT, "weekly-model-training-invoker", { accountId: "sch-weekly-model-training", project: PROJECT }, { protect: true }),
        child(p, t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, "weekly-model-training-run-invoker", { name: "ml-training", location: "europe-west2", role: "roles/run.invoker", member }),
        child(p, t.JOB, "weekly-model-training-job", httpJob()),
    ];
}

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

describe("prod-protected", () => {
    it("passes protected topics and service accounts, and ignores jobs and components", async () => {
        const p = pipeline("daily-data-ingestion");
        const r = await validateStack(prodProtected, [
            p,
            child(p, t.TOPIC, "daily-data-ingestion-topic", topic(), { protect: true }),
            child(p, t.JOB, "daily-data-ingestion-job", httpJob()),
            ...trainingPipeline(),
        ]);
        assert.deepEqual(r.byResource, []);
    });

    it("reports an unprotected topic and service account with their URNs", async () => {
        const p = pipeline("daily-data-ingestion");
        const sa = child(p, t.SERVICE_ACCOUNT, "daily-data-ingestion-sa", { accountId: "sch-ingest" });
        const r = await validateStack(prodProtected, [p, child(p, t.TOPIC, "daily-data-ingestion-topic", topic()), sa]);
        assert.deepEqual(r.byResource, [
            "daily-data-ingestion-topic: Topic daily-data-ingestion-topic is not protected, so a pulumi destroy, a rename or a refactor would delete it. " +
                "Fix: register it with protect(true) (the stack's protect setting), or run `pulumi state protect` for an existing resource.",
            "daily-data-ingestion-sa: Account daily-data-ingestion-sa is not protected, so a pulumi destroy, a rename or a refactor would delete it. " +
                "Fix: register it with protect(true) (the stack's protect setting), or run `pulumi state protect` for an existing resource.",
        ]);
    });

    it("checks the configured resource types only", async () => {
        const r = await validateStack(prodProtected, [input(t.TOPIC, topic())], { resourceTypes: [t.SERVICE_ACCOUNT] });
        assert.equal(r.notApplicable, "the stack has none of the protected resource types");
    });

    it("is advisory unless the stack's config says otherwise", () => {
        assert.equal(prodProtected.enforcementLevel, "advisory");
    });
});

describe("stack resources handed to stack policies", () => {
    it("link children to their component parents and dependencies", async () => {
        const resources = trainingPipeline();
        resources[3].dependsOn = [resources[2].urn];
        let seen: { parent?: string; deps: string[] } | undefined;
        await validateStack(
            { name: "probe", description: "probe", validateStack: (args) => {
                const job = args.resources.find((r) => r.type === t.JOB)!;
                seen = { parent: job.parent?.name, deps: job.dependencies.map((d) => d.name) };
            } },
            resources,
        );
        assert.deepEqual(seen, { parent: "weekly-model-training", deps: ["weekly-model-training-run-invoker"] });
    });
});
