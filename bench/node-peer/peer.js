// The TypeScript peer of `bin/cqc plan` (BENCHMARKS.md): what a Pulumi Node.js user would run for the
// same stack. It reads an offline plan (`java -jar target/cqc-scheduler.jar plan --format json`) and
// registers the same resources (types, names, parents, inputs, options) through @pulumi/pulumi and the
// @pulumi/gcp classes on the Node SDK's mock engine, as a preview. It checks that the mock engine saw
// exactly the plan's URNs, so the two sides do the same amount of registering.
//   node bench/node-peer/peer.js PLAN.json
"use strict";
const fs = require("fs");
const pulumi = require("@pulumi/pulumi");

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const seen = [];
pulumi.runtime.setMocks(
  {
    // Echo the inputs, as a preview does before the provider answers; custom resources get an id.
    newResource: (args) => {
      seen.push(args.type + "::" + args.name);
      return { id: args.custom ? args.name + "-id" : undefined, state: args.inputs };
    },
    call: (args) => args.inputs,
  },
  plan.project,
  plan.stack,
  true,
);

const gcp = require("@pulumi/gcp");
// gcp:pubsub/topic:Topic -> gcp.pubsub.Topic
function gcpClass(type) {
  const [, module, member] = type.split(":");
  const cls = gcp[module.split("/")[0]]?.[member];
  if (!cls) throw new Error(`no @pulumi/gcp class for ${type}`);
  return cls;
}
// "type=gcp:serviceAccount/account:Account" -> { type: "gcp:serviceAccount/account:Account" }
function alias(text) {
  return Object.fromEntries(text.split(",").map((part) => {
    const at = part.indexOf("=");
    return [part.slice(0, at), part.slice(at + 1)];
  }));
}

const byUrn = new Map();
for (const r of plan.resources) {
  const lookup = (urn) => {
    const found = byUrn.get(urn);
    if (!found) throw new Error(`${r.urn} refers to ${urn}, not registered before it`);
    return found;
  };
  const opts = {
    parent: r.parent ? lookup(r.parent) : undefined,
    dependsOn: r.options.dependsOn.map(lookup),
    aliases: r.options.aliases.map(alias),
    protect: r.options.protect,
    retainOnDelete: r.options.retainOnDelete,
    deleteBeforeReplace: r.options.deleteBeforeReplace,
  };
  let resource;
  if (r.custom) {
    resource = new (gcpClass(r.type))(r.name, r.props, opts);
  } else {
    resource = new pulumi.ComponentResource(r.type, r.name, r.props, opts);
    resource.registerOutputs({});
  }
  byUrn.set(r.urn, resource);
}

// Done when every resource has its URN from the engine; then the engine must have seen the plan.
Promise.all([...byUrn.values()].map((res) => new Promise((resolve) => res.urn.apply(resolve))))
  .then((urns) => {
    const expected = new Set(plan.resources.map((r) => r.urn));
    const got = new Set(urns);
    const missing = [...expected].filter((urn) => !got.has(urn));
    const extra = [...got].filter((urn) => !expected.has(urn));
    if (missing.length || extra.length || seen.length !== plan.resources.length) {
      console.error(`peer: the mock engine saw ${seen.length} registrations for the plan's ${plan.resources.length}`);
      missing.forEach((urn) => console.error(`  not registered: ${urn}`));
      extra.forEach((urn) => console.error(`  not in the plan: ${urn}`));
      process.exit(1);
    }
    console.log(`${urns.length} resources registered`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
