package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import com.cqc.scheduler.offline.Plan;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One verdict for a pull request: each stack validated, planned on the mock engine, and its plan put
 * through the policy pack's offline check ({@code npm run check} in policies/), so a configuration
 * that validates but breaks a mandatory policy (say {@code retry.count: 0} in prod) fails here too.
 */
final class CheckCommand implements Command {
    static final String NAME = "check";
    static final String DESCRIPTION = "Validation, the offline plan and the policy pack's offline check of one"
            + " stack or all stacks, with one verdict: exit 0 when every stack passes, 1 when any stack is invalid or"
            + " breaks a mandatory policy.";

    private static final Option POLICIES = Option.builder().longOpt("policies").hasArg().argName("DIR")
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("The policy pack (default: policies/ in the project directory).").get();

    @Override
    public Options options() {
        return ValidateCommand.Which.addTo(ProjectOptions.addTo(new Options())).addOption(POLICIES);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        Workspace workspace = ProjectOptions.workspace(args);
        String one = ValidateCommand.Which.one(args);
        List<String> stacks = one == null ? workspace.stacks() : List.of(one);
        if (one != null) {
            workspace.stackFile(one);   // an unknown stack is a usage error
        }
        Path pack = args.value(POLICIES, workspace.dir().resolve("policies"));
        if (!Files.isRegularFile(pack.resolve("PulumiPolicy.yaml"))) {
            throw new UsageException("--policies " + pack + ": no policy pack there (no PulumiPolicy.yaml)");
        }
        Instant now = Instant.now();
        Path plans = Files.createDirectories(workspace.dir().resolve("target").resolve("check"));   // kept for a look
        Map<String, Path> planned = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String stack : stacks) {
            out.println("== " + stack);
            StackModel model;
            try {
                model = workspace.load(stack, now);
            } catch (ConfigException e) {
                long errors = e.problems().stream().filter(Problem::isError).count();
                out.println("validation: INVALID, " + errors + " error(s)");
                e.problems().forEach(p -> out.println("  " + (p.isError() ? "error: " : "warning: ") + p));
                failures.add(stack + " is invalid (" + errors + " error(s))");
                continue;
            }
            out.println("validation: valid, " + model.pipelines().size() + " pipelines, " + model.warnings().size() + " warning(s)");
            model.warnings().forEach(w -> out.println("  warning: " + w));
            Plan plan = Plan.of(model, now, 0);
            Path file = plans.resolve(stack + ".json");
            Files.writeString(file, PlanJson.render(plan));
            out.println("plan: " + plan.resources().size() + " resources (" + plan.resources().stream().filter(r -> r.custom()).count()
                    + " in the cloud), written to " + workspace.dir().relativize(file));
            planned.put(stack, file);
        }
        int policyCode = planned.isEmpty() ? 0 : policyCheck(pack, planned, out);
        if (policyCode == 1) {
            failures.add("a mandatory policy is violated (see above)");
        } else if (policyCode != 0) {
            failures.add("the policy check could not run to the end (exit " + policyCode + ", see above)");
        }
        out.println();
        if (failures.isEmpty()) {
            out.println("check PASSED: " + String.join(", ", stacks) + " valid, planned and within the mandatory policies");
        } else {
            out.println("check FAILED: " + String.join("; ", failures));
        }
        out.flush();
        return failures.isEmpty() ? ExitCodes.OK : policyCode > 1 ? ExitCodes.USAGE : ExitCodes.INVALID_CONFIG;
    }

    /** {@code npm run check} over the plans, with each stack's pack config; its output, indented. */
    private int policyCheck(Path pack, Map<String, Path> planned, PrintWriter out) throws IOException, InterruptedException {
        out.println("== policies (" + pack + ", offline)");
        if (!Files.isDirectory(pack.resolve("node_modules"))) {
            out.println("  installing the pack's packages first (npm ci) ...");
            out.flush();
            int installed = run(pack, List.of("npm", "ci", "--no-audit", "--no-fund"), out, false);
            if (installed != 0) {
                out.println("  npm ci failed (exit " + installed + ")");
                return 2;
            }
        }
        List<String> command = new ArrayList<>(List.of("npm", "run", "--silent", "check", "--"));
        planned.forEach((stack, file) -> {
            command.addAll(List.of("--plan", file.toAbsolutePath().toString()));
            Path config = pack.resolve("config").resolve(stack + ".json");
            if (Files.exists(config)) {
                command.addAll(List.of("--config", config.toAbsolutePath().toString()));
            }
        });
        return run(pack, command, out, true);
    }

    private static int run(Path dir, List<String> command, PrintWriter out, boolean show) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("  cannot run " + command.get(0) + ": " + e.getMessage() + "; the policy check needs Node 20 and npm");
            return 2;
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        if (show || code != 0) {
            output.lines().forEach(line -> out.println("  " + line));
        }
        return code;
    }
}
