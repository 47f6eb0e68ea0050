// The policy pack's entry point: `pulumi preview --policy-pack policies` runs this file.
// Constructing a PolicyPack starts the analyzer's gRPC server, so nothing else lives here:
// policies are in src/policies/ (one module each) and tests import them from there.
import { PolicyPack } from "@pulumi/policy";
import { packDescription, packEnforcementLevel, policies } from "./src/pack";

new PolicyPack("cqc-scheduler", {
    description: packDescription,
    enforcementLevel: packEnforcementLevel,
    policies,
});
