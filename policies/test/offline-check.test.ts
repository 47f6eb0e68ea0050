import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, it } from "node:test";
import { UNKNOWN_STRING } from "../src/lib/sdk";
import { main } from "../src/offline/check-plan";
import { parsePackConfig, reconcile } from "../src/offline/config";
import { checkPlan } from "../src/offline/engine";
import { Plan, validatePlan } from "../src/offline/plan";
import { packEnforcementLevel, policies } from "../src/pack";
import { FIXTURES, PACK_ROOT } from "./helpers";

const BAD = path.join(FIXTURES, "bad-plan.json");
const GOOD = path.join(FIXTURES, "good-plan.json");
const PROD = path.join(PACK_ROOT, "config", "prod.json");
const DEV = path.join(PACK_ROOT, "config", "dev.json");
const SCHEMA = path.resolve(PACK_ROOT, "..", "docs", "plan.schema.json");
const CLI = path.join(PACK_ROOT, "dist", "src", "offline", "check-plan.js");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: PACK_ROOT });
    return { code, out: out.join("\n"), err: err.join("\n") };
}

/** "level policy resource-name" for each violation line of the text output. */
function verdicts(out: string): string[] {
    return out
        .split("\n")
        .filter((l) => /^(advisory|mandatory) /.test(l))
        .map((l) => {
            const [level, policy, urn] = l.trim().split(/\s+/);
            return `${level} ${policy} ${urn.split("::").pop()}`;
        });
}

function tmpJson(name: string, value: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cqc-policies-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value, null, 2));
    return file;
}

function prodConfig(overrides: Record<string, unknown> = {}) {
    const given = parsePackConfig({ ...JSON.parse(fs.readFileSync(PROD, "utf8")), ...overrides });
    const { config, errors } = reconcile(policies, given, packEnforcementLevel);
    assert.deepEqual(errors, []);
    return config;
}

const goodPlan = (): Plan => JSON.parse(fs.readFileSync(GOOD, "utf8"));

describe("offline check fixtures", () => {
    it("are valid plans under docs/plan.schema.json", () => {
        assert.ok(fs.existsSync(SCHEMA), `the plan schema is expected at ${SCHEMA}`);
        const schema = JSON.parse(fs.readFileSync(SCHEMA, "utf8"));
        for (const file of [GOOD, BAD]) {
            assert.deepEqual(validatePlan(JSON.parse(fs.readFileSync(file, "utf8")), schema), [], file);
        }
    });
});

describe("offline check: bad plan under config/prod.json", () => {
    it("fails with exactly the expected mandatory violations", async () => {
        const { code, out } = await run("--plan", BAD, "--config", PROD);
        assert.equal(code, 1);
        assert.deepEqual(verdicts(out), [
            "mandatory scheduler-http-auth monthly-reports-job",
            "mandatory scheduler-no-auth-headers daily-backup-job",
            "mandatory iam-no-basic-roles backup-editor",
            "mandatory iam-no-public-principals monthly-reports-run-invoker",
            "mandatory invoker-scoped monthly-reports-run-invoker",
        ]);
        assert.match(out, /HTTP target https:\/\/reports-123456789012\.europe-west2\.run\.app\/generate is called without a token/);
        assert.match(out, /httpTarget\.headers\["Authorization"\] is a credential header: static credentials in a job are stored in plaintext \(P10\)/);
        assert.match(out, /grants basic role roles\/editor to serviceAccount:sch-daily-backup@cqc-ml-prod\.iam\.gserviceaccount\.com on project cqc-ml-prod/);
        assert.match(out, /grants roles\/run\.invoker to allUsers on cloudrunv2 Service reports: anyone on the internet gets it/);
        assert.match(out, /monthly-reports-run-invoker grants roles\/run\.invoker to allUsers, which is not a service account/);
        assert.match(out, /-- stack prod: 5 mandatory, 0 advisory violation\(s\); 20 policies run, 1 disabled \(pubsub-topic-cmek\); 8 resources \(6 custom\)/);
        assert.equal(out.split("\n").pop(), "policy check FAILED: 5 mandatory, 0 advisory violation(s) in 1 plan(s)");
    });

    it("prints URNs in full", async () => {
        const { out } = await run("--plan", BAD, "--config", PROD);
        assert.match(out, /^mandatory  scheduler-http-auth  urn:pulumi:prod::cqc-scheduler::cqc:scheduler:ScheduledPipeline\$gcp:cloudscheduler\/job:Job::monthly-reports-job$/m);
    });

    it("only warns under config/dev.json (exit 0), where everything is advisory", async () => {
        const { code, out } = await run("--plan", BAD, "--config", DEV);
        assert.equal(code, 0);
        const v = verdicts(out);
        assert.ok(v.length >= 5);
        assert.ok(v.every((line) => line.startsWith("advisory ")), v.join("\n"));
        assert.match(out.split("\n").pop()!, /^policy check PASSED: 0 mandatory, \d+ advisory violation\(s\) in 1 plan\(s\)$/);
    });
});

describe("offline check: good plan under config/prod.json", () => {
    it("passes with no violation at all", async () => {
        const { code, out } = await run("--plan", GOOD, "--config", PROD);
        assert.equal(code, 0, out);
        assert.deepEqual(verdicts(out), []);
        assert.equal(out.split("\n").pop(), "policy check PASSED: 0 mandatory, 0 advisory violation(s) in 1 plan(s)");
    });

    it("would fail in prod if a topic or service account lost protect, but not in dev", async () => {
        const plan = goodPlan();
        for (const r of plan.resources) r.options.protect = false;
        const file = tmpJson("plan.json", plan);
        const prod = await run("--plan", file, "--config", PROD);
        assert.equal(prod.code, 1);
        assert.deepEqual(verdicts(prod.out), [
            "mandatory prod-protected daily-data-ingestion-topic",
            "mandatory prod-protected weekly-model-training-invoker",
        ]);
        const dev = await run("--plan", file, "--config", DEV);
        assert.deepEqual(verdicts(dev.out).filter((v) => v.includes("prod-protected")), []);
    });

    it("checks several plans in one run, each with its own (or its stack's default) config", async () => {
        const { code, out } = await run("--plan", GOOD, "--plan", BAD, "--config", DEV);
        assert.equal(code, 0, "good under prod (its stack's default) passes; bad under dev only warns");
        assert.match(out, /plan test\/fixtures\/good-plan\.json \(project cqc-scheduler, stack prod\), config config\/prod\.json/);
        assert.match(out, /plan test\/fixtures\/bad-plan\.json \(project cqc-scheduler, stack prod\), config config\/dev\.json/);
        assert.match(out.split("\n").pop()!, /in 2 plan\(s\)$/);
    });

    it("emits a JSON report with --json", async () => {
        const { code, out } = await run("--plan", BAD, "--config", PROD, "--json");
        assert.equal(code, 1);
        const report = JSON.parse(out);
        assert.equal(report.exitCode, 1);
        assert.equal(report.totals.mandatory, 5);
        assert.equal(report.reports[0].result.violations[0].policy, "scheduler-http-auth");
    });
});

describe("offline check: engine behaviour", () => {
    it("runs a remediate-level policy's remediation before validating", async () => {
        const plan = goodPlan();
        const job = plan.resources.find((r) => r.name === "weekly-model-training-job")!;
        delete job.props.timeZone;
        const remediated = await checkPlan(plan, policies, prodConfig({ "scheduler-explicit-timezone": { enforcementLevel: "remediate", defaultTimeZone: "Europe/London" } }));
        assert.deepEqual(remediated.remediations, [{ policy: "scheduler-explicit-timezone", urn: job.urn, changed: ["timeZone"] }]);
        assert.deepEqual(remediated.violations, []);
        const reported = await checkPlan(plan, policies, prodConfig());
        assert.deepEqual(reported.violations.map((v) => `${v.level} ${v.policy}`), ["mandatory scheduler-explicit-timezone"]);
    });

    it("turns a policy that reads an unknown value into an advisory \"can't run during preview\"", async () => {
        const plan = goodPlan();
        const job = plan.resources.find((r) => r.name === "weekly-model-training-job")!;
        (job.props.httpTarget as any).oidcToken.serviceAccountEmail = UNKNOWN_STRING;
        const result = await checkPlan(plan, policies, prodConfig());
        const unknown = result.violations.filter((v) => v.message.includes("during preview"));
        assert.ok(unknown.length > 0);
        assert.ok(unknown.every((v) => v.level === "advisory"));
        assert.match(unknown[0].message, /^can't run policy '[a-z-]+' from policy pack 'cqc-scheduler' during preview: string value at \.httpTarget\.oidcToken\.serviceAccountEmail can't be known during preview$/);
        assert.deepEqual(result.violations.filter((v) => v.level === "mandatory"), []);
    });

    it("skips disabled policies and does not run resource policies on components", async () => {
        const seen: string[] = [];
        const probe = { name: "probe", description: "probe", enforcementLevel: "mandatory" as const, validateResource: (args: { type: string }) => void seen.push(args.type) };
        const off = { name: "off", description: "off", enforcementLevel: "disabled" as const, validateResource: () => { throw new Error("must not run"); } };
        const result = await checkPlan(goodPlan(), [probe, off], new Map());
        assert.equal(result.failures.length, 0);
        assert.ok(!seen.includes("cqc:scheduler:ScheduledPipeline"));
        assert.equal(seen.length, 6);
        assert.deepEqual(result.policiesDisabled, ["off"]);
    });
});

describe("offline check: errors", () => {
    it("exits 2 on a plan that does not match the schema", async () => {
        const plan = goodPlan() as any;
        plan.schemaVersion = 2;
        const { code, err } = await run("--plan", tmpJson("plan.json", plan), "--config", PROD);
        assert.equal(code, 2);
        assert.match(err, /does not match .*plan\.schema\.json:\n  \/schemaVersion must be equal to constant/);
    });

    it("exits 2 on an invalid policy config, as pulumi preview would refuse it", async () => {
        const config = tmpJson("prod.json", { all: "mandatory", "scheduler-min-interval": { minimumMinutes: 0 } });
        const { code, err } = await run("--plan", GOOD, "--config", config);
        assert.equal(code, 2);
        assert.match(err, /is invalid \(pulumi preview would refuse it\):\n  scheduler-min-interval: minimumMinutes must be >= 1/);
    });

    it("exits 2 on usage errors", async () => {
        assert.equal((await run()).code, 2);
        assert.equal((await run("--config", PROD)).code, 2);
        assert.match((await run("--plan", GOOD, "--bogus")).err, /unknown argument --bogus/);
        assert.equal((await run("--plan", path.join(FIXTURES, "missing.json"))).code, 2);
    });
});

describe("offline check: command line", () => {
    it("is what `npm run check` runs", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(PACK_ROOT, "package.json"), "utf8"));
        assert.match(pkg.scripts.check, /node dist\/src\/offline\/check-plan\.js$/);
    });

    it("exits 1 on the bad plan and 0 on the good one, resolving paths from the caller's directory", () => {
        const repoRoot = path.resolve(PACK_ROOT, "..");
        const env = { ...process.env, INIT_CWD: repoRoot };
        const bad = spawnSync(process.execPath, [CLI, "--plan", path.relative(repoRoot, BAD), "--config", "policies/config/prod.json"], { cwd: PACK_ROOT, env, encoding: "utf8", timeout: 60000 });
        assert.equal(bad.status, 1, bad.stderr);
        assert.match(bad.stdout, /^mandatory  scheduler-http-auth  urn:pulumi:prod::/m);
        assert.match(bad.stdout, /policy check FAILED: 5 mandatory, 0 advisory violation\(s\) in 1 plan\(s\)\n$/);
        const good = spawnSync(process.execPath, [CLI, "--plan", path.relative(repoRoot, GOOD), "--config", "config/prod.json"], { cwd: PACK_ROOT, env, encoding: "utf8", timeout: 60000 });
        assert.equal(good.status, 0, good.stdout + good.stderr);
    });
});
