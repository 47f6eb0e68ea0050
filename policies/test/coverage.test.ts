import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { describe, it } from "node:test";
import * as t from "../src/lib/tokens";
import { reconcile } from "../src/offline/config";
import { checkPlan } from "../src/offline/engine";
import { policies } from "../src/pack";
import { PACK_ROOT } from "./helpers";

describe("test coverage of the pack", () => {
    it("every policy has a test file named after it, with a describe block of its name, and no other file is there", () => {
        const dir = path.join(PACK_ROOT, "test", "policies");
        const names = policies.map((p) => p.name).sort();
        const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
        assert.deepEqual(files, names.map((name) => `${name}.test.ts`));
        const lacking = names.filter((name) => !fs.readFileSync(path.join(dir, `${name}.test.ts`), "utf8").includes(`describe("${name}"`));
        assert.deepEqual(lacking, []);
    });

    it("every policy module in src/policies/ is in the pack, and helpers live in src/lib/", () => {
        const modules = fs.readdirSync(path.join(PACK_ROOT, "src", "policies")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
        assert.deepEqual(modules, policies.map((p) => p.name).sort());
    });
});

describe("robustness", () => {
    it("no policy crashes on missing, null or oddly typed optional props", async () => {
        const types = [
            t.JOB, t.TOPIC, t.TOPIC_IAM_MEMBER, t.SERVICE_ACCOUNT, t.SERVICE_ACCOUNT_KEY, t.SERVICE_ACCOUNT_IAM_MEMBER, t.PROJECT_IAM_MEMBER,
            t.PROJECT_IAM_BINDING, t.PROJECT_IAM_POLICY, t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, t.CLOUD_RUN_IAM_MEMBER, t.CLOUD_FUNCTIONS_V2_IAM_MEMBER,
        ];
        const odd: Array<Record<string, unknown>> = [
            {},
            { httpTarget: {}, pubsubTarget: null, retryConfig: {}, labels: [], members: null, policyData: 3, role: 1, member: null },
            { httpTarget: { uri: 7, headers: { A: null, Authorization: 5 }, oidcToken: null, oauthToken: {} }, schedule: "", timeZone: 0, region: [] },
            { appEngineHttpTarget: { headers: [] }, retryConfig: { retryCount: "2", minBackoffDuration: 5 }, attemptDeadline: 30, labels: { environment: null } },
        ];
        let i = 0;
        const resources = types.flatMap((type) =>
            odd.map((props) => ({
                urn: `urn:pulumi:prod::cqc-scheduler::${type}::r${++i}`, type, name: `r${i}`, custom: true, parent: null, pipeline: null, props,
                options: { protect: false, retainOnDelete: false, deleteBeforeReplace: false, dependsOn: [], aliases: [] }, afterApply: [],
            })),
        );
        const plan = { schemaVersion: 1 as const, project: "cqc-scheduler", stack: "prod", gcpProject: "p", region: "europe-west2", resources, pipelines: [], warnings: [] };
        const { config } = reconcile(policies, { all: { enforcementLevel: "mandatory", properties: {} } });
        const result = await checkPlan(plan, policies, config);
        assert.deepEqual(result.failures, []);
        assert.ok(result.violations.length > 0);
    });
});
