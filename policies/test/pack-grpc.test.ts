/**
 * End-to-end: starts the pack exactly as `pulumi preview --policy-pack policies` does (the
 * @pulumi/pulumi policy-pack runner on index.ts, compiled on the fly) and talks to its analyzer
 * gRPC server on 127.0.0.1 the way the CLI does: GetAnalyzerInfo, Configure (with config/prod.json
 * reconciled as the CLI would), Analyze, AnalyzeStack.
 */
import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "fs";
import { createRequire } from "node:module";
import * as path from "path";
import { after, before, describe, it } from "node:test";
import { parsePackConfig, reconcile } from "../src/offline/config";
import { packEnforcementLevel, policies } from "../src/pack";
import { UNKNOWN_STRING } from "../src/lib/sdk";
import { httpJob, INVOKER, PACK_ROOT, pubsubJob, t } from "./helpers";

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
const rpc: any = fromPulumi("./analyzer_grpc_pb");
const pb: any = fromPulumi("./analyzer_pb");
const grpc: any = fromPulumi("@grpc/grpc-js");
const structpb: any = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const emptypb: any = fromPulumi("google-protobuf/google/protobuf/empty_pb");

const LEVEL_NAMES: Record<number, string> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_CODES: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

let child: ChildProcess | undefined;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) =>
        client[method](request, { deadline: Date.now() + 30000 }, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))),
    );
}

function options(protect = false, parent = ""): any {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(protect);
    o.setParent(parent);
    return o;
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): any {
    const req = new pb.AnalyzeRequest();
    req.setType(type);
    req.setName(name);
    req.setUrn(`urn:pulumi:prod::cqc-scheduler::${type}::${name}`);
    req.setProperties(structpb.Struct.fromJavaScript(props));
    req.setOptions(options());
    return req;
}

function diagnostics(res: any): string[] {
    return res.getDiagnosticsList().map((d: any) => `${LEVEL_NAMES[d.getEnforcementlevel()]} ${d.getPolicyname()}: ${d.getMessage()}`);
}

describe("the pack served over gRPC, as pulumi preview runs it", { timeout: 240000 }, () => {
    before(async () => {
        const runner = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run-policy-pack");
        child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: PACK_ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (d) => (stderr += d));
        const port = await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the pack did not start within 180 s: ${stderr}`)), 180000);
            let out = "";
            child!.stdout!.on("data", (d) => {
                out += d;
                const m = /^(\d+)\s*$/m.exec(out);
                if (m) {
                    clearTimeout(timer);
                    resolve(Number(m[1]));
                }
            });
            child!.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`the pack exited with ${code}: ${stderr}`));
            });
        });
        client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

        // Configure exactly as the CLI would with --policy-pack-config config/prod.json.
        const given = parsePackConfig(JSON.parse(fs.readFileSync(path.join(PACK_ROOT, "config", "prod.json"), "utf8")));
        const { config, errors } = reconcile(policies, given, packEnforcementLevel);
        assert.deepEqual(errors, []);
        const req = new pb.ConfigureAnalyzerRequest();
        for (const [name, c] of config) {
            const pc = new pb.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_CODES[c.enforcementLevel]);
            pc.setProperties(structpb.Struct.fromJavaScript(c.properties));
            req.getPolicyconfigMap().set(name, pc);
        }
        await call("configure", req);
    });

    after(() => {
        client?.close();
        if (child && child.exitCode === null) {
            child.kill();
        }
    });

    it("announces the pack and every policy with its default level", async () => {
        const info: any = await call("getAnalyzerInfo", new emptypb.Empty());
        assert.equal(info.getName(), "cqc-scheduler");
        const served = Object.fromEntries(info.getPoliciesList().map((p: any) => [p.getName(), LEVEL_NAMES[p.getEnforcementlevel()]]));
        assert.deepEqual(served, Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel])));
        const minInterval = info.getPoliciesList().find((p: any) => p.getName() === "scheduler-min-interval");
        assert.equal(minInterval.getConfigschema().getProperties().toJavaScript().minimumMinutes.default, 5);
    });

    it("reports an unauthenticated HTTP job as mandatory with prod's config", async () => {
        const job = httpJob();
        delete job.httpTarget.oidcToken;
        const res = await call("analyze", analyzeRequest(t.JOB, "monthly-reports-job", job));
        const d = diagnostics(res);
        assert.equal(d.length, 1, d.join("\n"));
        assert.match(d[0], /^mandatory scheduler-http-auth: Cloud Scheduler HTTP targets must carry exactly one OIDC or OAuth token.*\nHTTP target https:\/\/x-123456789012\.europe-west2\.run\.app\/train is called without a token/s);
    });

    it("applies prod's per-policy config (min interval 30, retryCount >= 1)", async () => {
        const job = { ...pubsubJob(), schedule: "*/15 * * * *", retryConfig: { ...pubsubJob().retryConfig, retryCount: 0 } };
        const d = diagnostics(await call("analyze", analyzeRequest(t.JOB, "fast-job", job)));
        assert.deepEqual(d.map((x) => x.split(":")[0]).sort(), ["mandatory scheduler-min-interval", "mandatory scheduler-retry-bounds"]);
        assert.ok(d.some((x) => x.includes("more often than this stack's minimum of 30 minute(s)")));
    });

    it("passes a compliant job, and reports unknown values as advisory \"can't run during preview\"", async () => {
        assert.deepEqual(diagnostics(await call("analyze", analyzeRequest(t.JOB, "weekly-model-training-job", httpJob()))), []);
        const job = httpJob();
        job.httpTarget.oidcToken.serviceAccountEmail = UNKNOWN_STRING;
        const d = diagnostics(await call("analyze", analyzeRequest(t.JOB, "weekly-model-training-job", job)));
        assert.ok(d.length > 0);
        for (const x of d) {
            assert.match(x, /^advisory [a-z-]+: can't run policy '[a-z-]+' from policy pack 'cqc-scheduler@v0\.1\.0' during preview: string value at \.httpTarget\.oidcToken\.serviceAccountEmail can't be known during preview$/);
        }
    });

    it("runs the stack policies: a public invoker grant and an unprotected topic", async () => {
        const res = (type: string, name: string, props: Record<string, unknown>, protect = false): any => {
            const r = new pb.AnalyzerResource();
            r.setType(type);
            r.setName(name);
            r.setUrn(`urn:pulumi:prod::cqc-scheduler::${type}::${name}`);
            r.setProperties(structpb.Struct.fromJavaScript(props));
            r.setOptions(options(protect));
            return r;
        };
        const req = new pb.AnalyzeStackRequest();
        req.setResourcesList([
            res(t.JOB, "weekly-model-training-job", httpJob()),
            res(t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, "ok-invoker", { name: "ml-training", role: "roles/run.invoker", member: `serviceAccount:${INVOKER}` }),
            res(t.CLOUD_RUN_V2_SERVICE_IAM_MEMBER, "public-invoker", { name: "ml-training", role: "roles/run.invoker", member: "allUsers" }),
            res(t.TOPIC, "data-ingestion-topic", { name: "data-ingestion", labels: { environment: "prod" } }),
            res(t.SERVICE_ACCOUNT, "weekly-model-training-invoker", { accountId: "sch-weekly-model-training" }, true),
        ]);
        const out: any = await call("analyzeStack", req);
        const d = out.getDiagnosticsList().map((x: any) => `${LEVEL_NAMES[x.getEnforcementlevel()]} ${x.getPolicyname()} ${x.getUrn().split("::").pop()}`);
        assert.deepEqual(d, ["mandatory invoker-scoped public-invoker", "mandatory prod-protected data-ingestion-topic"]);
    });
});
