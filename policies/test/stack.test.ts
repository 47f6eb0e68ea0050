import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { t, trainingPipeline, validateStack } from "./helpers";

describe("stack resources handed to stack policies", () => {
    it("link children to their component parents and dependencies", async () => {
        const resources = trainingPipeline();
        resources[3].dependsOn = [resources[2].urn];
        let seen: { parent?: string; deps: string[] } | undefined;
        await validateStack(
            { name: "probe", description: "probe", validateStack: (args) => {
                const job = args.resources.find((r) => r.type === t.JOB)!;
                seen = { parent: job.parent?.name, deps: job.dependencies.map((d) => d.name) };
            } },
            resources,
        );
        assert.deepEqual(seen, { parent: "weekly-model-training", deps: ["weekly-model-training-run-invoker"] });
    });
});
