import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { describe, it } from "node:test";
import { ConfigError, parsePackConfig, reconcile, ResolvedPolicyConfig } from "../src/offline/config";
import { resourceArgs, stackTagsFor } from "../src/offline/engine";
import { packEnforcementLevel, policies } from "../src/pack";
import { schedulerMinInterval } from "../src/policies/scheduler-min-interval";
import { httpJob, input, PACK_ROOT, t } from "./helpers";

function stackConfig(stack: string): Map<string, ResolvedPolicyConfig> {
    const given = parsePackConfig(JSON.parse(fs.readFileSync(path.join(PACK_ROOT, "config", `${stack}.json`), "utf8")));
    const { config, errors, warnings } = reconcile(policies, given, packEnforcementLevel);
    assert.deepEqual(errors, [], `${stack}.json must be valid`);
    assert.deepEqual(warnings, [], `${stack}.json must only name known policies and properties`);
    return config;
}

function levels(config: Map<string, ResolvedPolicyConfig>): Record<string, string> {
    return Object.fromEntries([...config].map(([name, c]) => [name, c.enforcementLevel]));
}

async function minIntervalViolations(stack: string, schedule: string): Promise<string[]> {
    const props = stackConfig(stack).get("scheduler-min-interval")!.properties;
    const out: string[] = [];
    const args = resourceArgs(input(t.JOB, { ...httpJob(), schedule }), props, stackTagsFor("cqc-scheduler"));
    await (schedulerMinInterval.validateResource as Function)(args, (m: string) => out.push(m));
    return out;
}

describe("policy pack config parsing and reconciliation (as the Pulumi CLI does it)", () => {
    it("rejects values the CLI rejects", () => {
        assert.throws(() => parsePackConfig({ all: "strict" }), ConfigError);
        assert.throws(() => parsePackConfig({ "scheduler-http-auth": { enforcementLevel: "on" } }), /not a valid enforcement level/);
        assert.throws(() => parsePackConfig({ "scheduler-http-auth": 3 }), /must be a string or object/);
        assert.throws(() => parsePackConfig([]), /must be a JSON object/);
    });

    it('applies policy defaults, then "all", then per-policy levels and properties', () => {
        const { config } = reconcile(policies, parsePackConfig({ all: "advisory", "scheduler-min-interval": { enforcementLevel: "mandatory", minimumMinutes: 60 } }));
        assert.equal(config.get("scheduler-http-auth")!.enforcementLevel, "advisory");
        assert.equal(config.get("pubsub-topic-cmek")!.enforcementLevel, "advisory", '"all" also enables default-disabled policies');
        assert.deepEqual(config.get("scheduler-min-interval"), { enforcementLevel: "mandatory", properties: { minimumMinutes: 60 } });
        assert.deepEqual(config.get("scheduler-retry-bounds")!.properties, { minRetryCount: 0, maxRetryCount: 5, maxBackoffSeconds: 3600, maxRetryDurationSeconds: 0 });
    });

    it("without config, every policy runs at its own default level", () => {
        const { config } = reconcile(policies, undefined);
        for (const p of policies) {
            assert.equal(config.get(p.name)!.enforcementLevel, p.enforcementLevel, p.name);
        }
    });

    it("reports schema violations and warns about unknown names", () => {
        const { errors, warnings } = reconcile(policies, parsePackConfig({ "scheduler-min-interval": { minimumMinutes: "30", minimumMinute: 5 }, "scheduler-nope": "mandatory" }));
        assert.deepEqual(errors, ["scheduler-min-interval: minimumMinutes must be integer"]);
        assert.deepEqual(warnings.sort(), [
            'config names policy "scheduler-nope", which this pack does not have',
            'scheduler-min-interval: config property "minimumMinute" is not in the policy\'s configSchema and is ignored',
        ]);
    });

    it("every policy has a unique name, a description, a default level, and defaults that satisfy its own schema", () => {
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const p of policies) {
            assert.ok(p.description.length > 40, p.name);
            assert.ok(p.enforcementLevel, p.name);
        }
        assert.deepEqual(reconcile(policies, {}).errors, []);
    });
});

describe("per-stack policy config", () => {
    it("dev: everything advisory; CMEK and prod-protected disabled", () => {
        const l = levels(stackConfig("dev"));
        for (const [name, level] of Object.entries(l)) {
            assert.equal(level, ["pubsub-topic-cmek", "prod-protected"].includes(name) ? "disabled" : "advisory", name);
        }
    });

    it("staging and prod: mandatory, except CMEK (disabled), retention (advisory) and prod-protected (disabled in staging, which protects nothing by design; mandatory in prod)", () => {
        for (const stack of ["staging", "prod"]) {
            const l = levels(stackConfig(stack));
            for (const [name, level] of Object.entries(l)) {
                const expected =
                    name === "pubsub-topic-cmek" ? "disabled"
                    : name === "pubsub-topic-retention" ? "advisory"
                    : name === "prod-protected" ? (stack === "prod" ? "mandatory" : "disabled")
                    : "mandatory";
                assert.equal(level, expected, `${stack}: ${name}`);
            }
        }
    });

    it("sets the stack-specific bounds", () => {
        const prop = (stack: string, policy: string, key: string) => stackConfig(stack).get(policy)!.properties[key];
        assert.deepEqual(["dev", "staging", "prod"].map((s) => prop(s, "scheduler-min-interval", "minimumMinutes")), [5, 15, 30]);
        assert.deepEqual(["dev", "staging", "prod"].map((s) => prop(s, "scheduler-region-allowlist", "allowedRegions")), [
            ["europe-west2", "europe-west1"],
            ["europe-west2"],
            ["europe-west2"],
        ]);
        assert.deepEqual(["dev", "staging", "prod"].map((s) => [prop(s, "scheduler-retry-bounds", "minRetryCount"), prop(s, "scheduler-retry-bounds", "maxRetryCount")]), [
            [0, 5],
            [0, 5],
            [1, 5],
        ]);
    });

    it("pins the invoker pattern to each stack's own GCP project", () => {
        for (const [stack, project] of [["dev", "cqc-ml-dev"], ["staging", "cqc-ml-staging"], ["prod", "cqc-ml-prod"]]) {
            const pattern = new RegExp(stackConfig(stack).get("scheduler-invoker-sa")!.properties.serviceAccountPattern as string);
            assert.ok(pattern.test(`sch-weekly-model-training@${project}.iam.gserviceaccount.com`), stack);
            assert.ok(!pattern.test("sch-weekly-model-training@cqc-ml-other.iam.gserviceaccount.com"), stack);
            assert.ok(!pattern.test(`ml-training@${project}.iam.gserviceaccount.com`), stack);
            assert.ok(!pattern.test(`sch-x@${project}xiam.gserviceaccount.com`), `${stack}: dots are escaped`);
        }
    });

    it("lets every schedule of the CQC catalog through in every stack (hourly and 4-hourly included)", async () => {
        for (const stack of ["dev", "staging", "prod"]) {
            for (const schedule of ["0 2 * * *", "0 0 * * 0", "0 9 1 * *", "0 * * * *", "0 3 * * *", "0 1 * * *", "0 0 * * *", "0 */4 * * *"]) {
                assert.deepEqual(await minIntervalViolations(stack, schedule), [], `${stack}: ${schedule}`);
            }
        }
    });

    it("stops a 10-minute schedule in staging and prod but not in dev", async () => {
        assert.deepEqual(await minIntervalViolations("dev", "*/10 * * * *"), []);
        assert.match((await minIntervalViolations("staging", "*/10 * * * *"))[0], /minimum of 15 minute\(s\)/);
        assert.match((await minIntervalViolations("prod", "*/10 * * * *"))[0], /minimum of 30 minute\(s\)/);
    });
});
