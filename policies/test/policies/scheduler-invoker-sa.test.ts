import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerInvokerSa } from "../../src/policies/scheduler-invoker-sa";
import { httpJob, oauthJob, pubsubJob, t, validateResource } from "../helpers";

describe("scheduler-invoker-sa", () => {
    const prodPattern = { serviceAccountPattern: "^sch-[a-z0-9-]+@cqc-ml-prod\\.iam\\.gserviceaccount\\.com$" };

    it("passes the pipeline's own invoker account (OIDC and OAuth)", async () => {
        assert.deepEqual((await validateResource(schedulerInvokerSa, t.JOB, httpJob(), prodPattern)).violations, []);
        assert.deepEqual((await validateResource(schedulerInvokerSa, t.JOB, oauthJob(), prodPattern)).violations, []);
    });

    for (const [email, why] of [
        ["123456789012-compute@developer.gserviceaccount.com", "the Compute Engine default service account"],
        ["cqc-ml-prod@appspot.gserviceaccount.com", "the App Engine default service account"],
        ["service-123456789012@gcp-sa-cloudscheduler.iam.gserviceaccount.com", "the Cloud Scheduler service agent"],
        ["service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com", "a Google-managed service agent"],
    ]) {
        it(`reports ${why}`, async () => {
            const job = httpJob();
            job.httpTarget.oidcToken.serviceAccountEmail = email;
            const { violations } = await validateResource(schedulerInvokerSa, t.JOB, job, prodPattern);
            assert.equal(violations.length, 1);
            assert.ok(violations[0].startsWith(`httpTarget.oidcToken.serviceAccountEmail ${email} is ${why}`), violations[0]);
            assert.match(violations[0], /Fix: create a dedicated invoker service account/);
        });
    }

    it("reports an account outside the stack's pattern (another project's invoker)", async () => {
        const job = oauthJob();
        job.httpTarget.oauthToken.serviceAccountEmail = "sch-dataflow-launch@cqc-ml-dev.iam.gserviceaccount.com";
        const { violations } = await validateResource(schedulerInvokerSa, t.JOB, job, prodPattern);
        assert.deepEqual(violations, [
            "httpTarget.oauthToken.serviceAccountEmail sch-dataflow-launch@cqc-ml-dev.iam.gserviceaccount.com does not match this stack's invoker pattern " +
                "^sch-[a-z0-9-]+@cqc-ml-prod\\.iam\\.gserviceaccount\\.com$. Fix: use the pipeline's own invoker service account from this stack's project.",
        ]);
    });

    it("uses the default pattern (sch- prefix) without config", async () => {
        const job = httpJob();
        job.httpTarget.oidcToken.serviceAccountEmail = `ml-training@cqc-ml-prod.iam.gserviceaccount.com`;
        assert.match((await validateResource(schedulerInvokerSa, t.JOB, job)).violations[0], /does not match this stack's invoker pattern \^sch-/);
    });

    it("fails loudly on an invalid pattern in config", async () => {
        await assert.rejects(validateResource(schedulerInvokerSa, t.JOB, httpJob(), { serviceAccountPattern: "([" }), /serviceAccountPattern "\(\[" is not a valid regular expression/);
    });

    it("is not applicable to jobs without a token", async () => {
        assert.ok((await validateResource(schedulerInvokerSa, t.JOB, pubsubJob(), prodPattern)).notApplicable);
    });
});
