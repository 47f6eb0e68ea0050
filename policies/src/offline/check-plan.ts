/**
 * Offline policy check: runs the pack over the JSON plans the Java program writes
 * (`plan --format json`, docs/plan.schema.json) with a stack's --policy-pack-config file.
 *
 *   npm run check -- --plan <plan.json> [--config <config.json>] [--plan <plan.json> [--config ...]]...
 *                    [--schema <plan.schema.json> | --no-schema] [--json]
 *
 * Each --config belongs to the --plan before it; a plan without one uses config/<plan.stack>.json
 * of this pack. Relative paths are resolved against the directory npm was started from
 * (INIT_CWD), then against the pack's directory.
 *
 * Exit codes: 0 no mandatory violation (advisory ones are printed), 1 at least one mandatory
 * violation, 2 bad usage, unreadable plan/config, invalid config, or a policy that crashed.
 */
import * as fs from "fs";
import * as path from "path";
import { packEnforcementLevel, packName, policies } from "../pack";
import { ConfigError, parsePackConfig, reconcile } from "./config";
import { CheckResult, checkPlan } from "./engine";
import { loadPlan, PlanError } from "./plan";

export interface Io {
    out: (line: string) => void;
    err: (line: string) => void;
    cwd: string;
}

class UsageError extends Error {}

const USAGE = `usage: npm run check -- --plan <plan.json> [--config <policy-config.json>] [--plan ... [--config ...]]
                        [--schema <plan.schema.json> | --no-schema] [--json]
  --plan FILE     an offline plan (docs/plan.schema.json); repeat for several stacks
  --config FILE   --policy-pack-config file for the --plan before it (default: config/<plan.stack>.json)
  --schema FILE   validate plans against this JSON schema (default: ../docs/plan.schema.json when present)
  --no-schema     only check the plan fields the checker needs
  --json          print one JSON report instead of text
exit code: 0 no mandatory violation, 1 mandatory violation(s), 2 usage/input/config error`;

/** The pack's root directory (the one with PulumiPolicy.yaml), from src/ or dist/src/. */
export function packRoot(): string {
    let dir = __dirname;
    for (let i = 0; i < 5; i++) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
        dir = path.dirname(dir);
    }
    throw new Error(`cannot find the policy pack root above ${__dirname}`);
}

interface Target {
    plan: string;
    config?: string;
}

interface Options {
    targets: Target[];
    schema?: string | null;
    json: boolean;
}

function parseArgs(argv: string[]): Options | "help" {
    const opts: Options = { targets: [], json: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a file argument`);
            return v;
        };
        switch (a) {
            case "--plan":
                opts.targets.push({ plan: value() });
                break;
            case "--config": {
                const last = opts.targets[opts.targets.length - 1];
                if (!last) throw new UsageError("--config must follow the --plan it applies to");
                if (last.config) throw new UsageError(`--plan ${last.plan} has two --config files`);
                last.config = value();
                break;
            }
            case "--schema":
                opts.schema = value();
                break;
            case "--no-schema":
                opts.schema = null;
                break;
            case "--json":
                opts.json = true;
                break;
            case "-h":
            case "--help":
                return "help";
            default:
                throw new UsageError(`unknown argument ${a}`);
        }
    }
    if (opts.targets.length === 0) throw new UsageError("give at least one --plan");
    return opts;
}

function resolveInput(file: string, cwd: string, root: string): string {
    if (path.isAbsolute(file)) return file;
    const fromCwd = path.resolve(cwd, file);
    if (fs.existsSync(fromCwd)) return fromCwd;
    const fromPack = path.resolve(root, file);
    return fs.existsSync(fromPack) ? fromPack : fromCwd;
}

export interface PlanReport {
    plan: string;
    config: string;
    stack: string;
    project: string;
    result: CheckResult;
    configWarnings: string[];
}

function summary(r: CheckResult): { mandatory: number; advisory: number } {
    return {
        mandatory: r.violations.filter((v) => v.level === "mandatory").length,
        advisory: r.violations.filter((v) => v.level === "advisory").length,
    };
}

/** Runs the checker; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
    let opts: Options | "help";
    try {
        opts = parseArgs(argv);
    } catch (e) {
        io.err(`error: ${(e as Error).message}`);
        io.err(USAGE);
        return 2;
    }
    if (opts === "help") {
        io.out(USAGE);
        return 0;
    }
    const root = packRoot();
    let schema: string | undefined;
    if (opts.schema === undefined) {
        const dflt = path.resolve(root, "..", "docs", "plan.schema.json");
        schema = fs.existsSync(dflt) ? dflt : undefined;
    } else if (opts.schema !== null) {
        schema = resolveInput(opts.schema, io.cwd, root);
        if (!fs.existsSync(schema)) {
            io.err(`error: schema ${opts.schema} not found`);
            return 2;
        }
    }

    const reports: PlanReport[] = [];
    for (const t of opts.targets) {
        const planFile = resolveInput(t.plan, io.cwd, root);
        try {
            const plan = loadPlan(planFile, schema);
            const configFile = t.config
                ? resolveInput(t.config, io.cwd, root)
                : path.join(root, "config", `${plan.stack}.json`);
            let given;
            try {
                given = parsePackConfig(JSON.parse(fs.readFileSync(configFile, "utf8")));
            } catch (e) {
                const why = e instanceof ConfigError ? e.message : `cannot read it: ${(e as Error).message}`;
                throw new ConfigError(`policy config ${configFile}${t.config ? "" : ` (the default for stack "${plan.stack}")`}: ${why}`);
            }
            const { config, errors, warnings } = reconcile(policies, given, packEnforcementLevel);
            if (errors.length > 0) {
                throw new ConfigError(`policy config ${configFile} is invalid (pulumi preview would refuse it):\n  ${errors.join("\n  ")}`);
            }
            const result = await checkPlan(plan, policies, config, packName);
            reports.push({ plan: planFile, config: configFile, stack: plan.stack, project: plan.project, result, configWarnings: warnings });
        } catch (e) {
            if (e instanceof PlanError || e instanceof ConfigError) {
                io.err(`error: ${e.message}`);
                return 2;
            }
            throw e;
        }
    }

    const totals = reports.reduce(
        (acc, r) => {
            const s = summary(r.result);
            return { mandatory: acc.mandatory + s.mandatory, advisory: acc.advisory + s.advisory, failures: acc.failures + r.result.failures.length };
        },
        { mandatory: 0, advisory: 0, failures: 0 },
    );
    const code = totals.failures > 0 ? 2 : totals.mandatory > 0 ? 1 : 0;

    if (opts.json) {
        io.out(JSON.stringify({ pack: packName, exitCode: code, totals, reports }, null, 2));
        return code;
    }
    for (const r of reports) {
        io.out(`== ${packName} policies: plan ${path.relative(io.cwd, r.plan) || r.plan} (project ${r.project}, stack ${r.stack}), config ${path.relative(io.cwd, r.config) || r.config}`);
        for (const w of r.configWarnings) io.out(`warning: ${w}`);
        for (const rem of r.result.remediations) {
            io.out(`remediated  ${rem.policy}  ${rem.urn}\n    changed: ${rem.changed.join(", ") || "(nothing)"}`);
        }
        for (const v of r.result.violations) {
            io.out(`${v.level.padEnd(9)}  ${v.policy}  ${v.urn || "(stack)"}\n    ${v.message.replace(/\n/g, "\n    ")}`);
        }
        for (const f of r.result.failures) {
            io.out(`error      ${f.policy}  ${f.urn || "(stack)"}\n    the policy failed: ${f.error}`);
        }
        const s = summary(r.result);
        io.out(
            `-- stack ${r.stack}: ${s.mandatory} mandatory, ${s.advisory} advisory violation(s); ` +
            `${r.result.policiesRun} policies run, ${r.result.policiesDisabled.length} disabled` +
            `${r.result.policiesDisabled.length ? ` (${r.result.policiesDisabled.join(", ")})` : ""}; ` +
            `${r.result.resources} resources (${r.result.customResources} custom)`,
        );
    }
    const verdict = code === 0 ? "PASSED" : code === 1 ? "FAILED" : "ERROR";
    io.out(
        `policy check ${verdict}: ${totals.mandatory} mandatory, ${totals.advisory} advisory violation(s)` +
        `${totals.failures ? `, ${totals.failures} policy error(s)` : ""} in ${reports.length} plan(s)`,
    );
    return code;
}

if (require.main === module) {
    main(process.argv.slice(2), {
        out: (l) => process.stdout.write(`${l}\n`),
        err: (l) => process.stderr.write(`${l}\n`),
        cwd: process.env.INIT_CWD ?? process.cwd(),
    }).then(
        (code) => {
            process.exitCode = code;
        },
        (e) => {
            process.stderr.write(`error: ${e instanceof Error ? e.stack : String(e)}\n`);
            process.exitCode = 2;
        },
    );
}
