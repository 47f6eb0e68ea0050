import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { schedulerHttpAuth } from "../src/policies/scheduler-http-auth";
import { schedulerHttpsUri } from "../src/policies/scheduler-https-uri";
import { schedulerInvokerSa } from "../src/policies/scheduler-invoker-sa";
import { schedulerOauthGoogleapisOnly } from "../src/policies/scheduler-oauth-googleapis-only";
import { schedulerOidcAudience } from "../src/policies/scheduler-oidc-audience";
import { UNKNOWN_STRING } from "../src/lib/sdk";
import { appEngineJob, httpJob, INVOKER, oauthJob, pubsubJob, t, validateResource } from "./helpers";

describe("scheduler-http-auth", () => {
    it("passes an OIDC job and an OAuth job", async () => {
        assert.deepEqual((await validateResource(schedulerHttpAuth, t.JOB, httpJob())).violations, []);
        assert.deepEqual((await validateResource(schedulerHttpAuth, t.JOB, oauthJob())).violations, []);
    });

    it("reports an HTTP target without a token", async () => {
        const job = httpJob();
        delete job.httpTarget.oidcToken;
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.equal(violations.length, 1);
        assert.match(violations[0], /^HTTP target https:\/\/x-123456789012\.europe-west2\.run\.app\/train is called without a token/);
        assert.match(violations[0], /Fix: set httpTarget\.oidcToken/);
    });

    it("reports both tokens at once (R6.5)", async () => {
        const job = httpJob();
        job.httpTarget.oauthToken = { serviceAccountEmail: INVOKER };
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.deepEqual(violations.map((v) => v.includes("sets both oidcToken and oauthToken")), [true]);
    });

    it("reports a token without a service account", async () => {
        const job = httpJob();
        job.httpTarget.oidcToken = { audience: "https://x" };
        const { violations } = await validateResource(schedulerHttpAuth, t.JOB, job);
        assert.match(violations[0], /has an oidcToken without serviceAccountEmail/);
    });

    it("is not applicable to Pub/Sub and App Engine jobs or other resources", async () => {
        assert.equal((await validateResource(schedulerHttpAuth, t.JOB, pubsubJob())).notApplicable, "the job has no HTTP target");
        assert.ok((await validateResource(schedulerHttpAuth, t.JOB, appEngineJob())).notApplicable);
        assert.match((await validateResource(schedulerHttpAuth, t.TOPIC, {})).notApplicable ?? "", /applies only to gcp:cloudscheduler\/job:Job/);
    });

    it("does not give a verdict on an unknown token during preview, but keeps an unknown uri out of the way", async () => {
        const unknownToken = httpJob();
        unknownToken.httpTarget.oidcToken = UNKNOWN_STRING;
        assert.match((await validateResource(schedulerHttpAuth, t.JOB, unknownToken)).unknown ?? "", /oidcToken/);

        const unknownUri = httpJob();
        delete unknownUri.httpTarget.oidcToken;
        unknownUri.httpTarget.uri = UNKNOWN_STRING;
        const { violations, unknown } = await validateResource(schedulerHttpAuth, t.JOB, unknownUri);
        assert.equal(unknown, undefined);
        assert.match(violations[0], /^HTTP target \(known after apply\) is called without a token/);
    });
});

describe("scheduler-https-uri", () => {
    it("passes https", async () => {
        assert.deepEqual((await validateResource(schedulerHttpsUri, t.JOB, httpJob())).violations, []);
    });

    it("reports http:// with the https URL to use", async () => {
        const job = httpJob();
        job.httpTarget.uri = "http://backup.internal.example/run?x=1";
        const { violations } = await validateResource(schedulerHttpsUri, t.JOB, job);
        assert.deepEqual(violations, [
            'HTTP target uri "http://backup.internal.example/run?x=1" uses http, not https: the token and body would travel unencrypted. Fix: use https://backup.internal.example/run?x=1.',
        ]);
    });

    it("reports a missing or relative uri and one longer than 2083 characters", async () => {
        const none = httpJob();
        delete none.httpTarget.uri;
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, none)).violations[0], /HTTP target has no uri/);
        const relative = httpJob();
        relative.httpTarget.uri = "/train";
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, relative)).violations[0], /is not an absolute URL/);
        const long = httpJob();
        long.httpTarget.uri = `${long.httpTarget.uri}?q=${"a".repeat(2100)}`;
        assert.match((await validateResource(schedulerHttpsUri, t.JOB, long)).violations[0], /at most 2083/);
    });
});

describe("scheduler-oauth-googleapis-only", () => {
    it("passes OAuth to *.googleapis.com and OIDC to Cloud Run", async () => {
        assert.deepEqual((await validateResource(schedulerOauthGoogleapisOnly, t.JOB, oauthJob())).violations, []);
        assert.deepEqual((await validateResource(schedulerOauthGoogleapisOnly, t.JOB, httpJob())).violations, []);
    });

    it("reports an OAuth token sent to Cloud Run", async () => {
        const job = httpJob();
        job.httpTarget.oauthToken = { serviceAccountEmail: INVOKER };
        delete job.httpTarget.oidcToken;
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.equal(violations.length, 1);
        assert.match(violations[0], /gets an OAuth access token, but x-123456789012\.europe-west2\.run\.app is not a Google API/);
        assert.match(violations[0], /Fix: replace oauthToken with oidcToken/);
    });

    it("is not fooled by a host that only contains googleapis.com", async () => {
        const job = oauthJob();
        job.httpTarget.uri = "https://dataflow.googleapis.com.attacker.example/launch";
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.match(violations[0], /dataflow\.googleapis\.com\.attacker\.example is not a Google API/);
    });

    it("reports an OIDC token sent to a Google API", async () => {
        const job = oauthJob();
        job.httpTarget.oidcToken = { serviceAccountEmail: INVOKER, audience: "https://dataflow.googleapis.com" };
        delete job.httpTarget.oauthToken;
        const { violations } = await validateResource(schedulerOauthGoogleapisOnly, t.JOB, job);
        assert.match(violations[0], /is a Google API \(dataflow\.googleapis\.com\), which does not accept OIDC identity tokens/);
    });
});

describe("scheduler-oidc-audience", () => {
    it("passes an explicit audience", async () => {
        assert.deepEqual((await validateResource(schedulerOidcAudience, t.JOB, httpJob())).violations, []);
    });

    it("reports a missing audience and suggests the base URL", async () => {
        const job = httpJob();
        delete job.httpTarget.oidcToken.audience;
        const { violations } = await validateResource(schedulerOidcAudience, t.JOB, job);
        assert.deepEqual(violations, [
            "HTTP target https://x-123456789012.europe-west2.run.app/train sends an OIDC token without audience (P4, R6.7). " +
                'Fix: set httpTarget.oidcToken.audience, e.g. "https://x-123456789012.europe-west2.run.app".',
        ]);
    });

    it("is not applicable to OAuth jobs", async () => {
        assert.ok((await validateResource(schedulerOidcAudience, t.JOB, oauthJob())).notApplicable);
    });
});

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
