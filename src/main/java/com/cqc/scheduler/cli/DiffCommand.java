package com.cqc.scheduler.cli;

import com.cqc.scheduler.offline.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "diff", description = "The effective differences between two stacks, pipeline by pipeline and field by field.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ProjectOptions project;
    @Option(names = "--from", required = true, paramLabel = "STACK", description = "The stack a change is promoted from, e.g. dev.")
    String from;
    @Option(names = "--to", required = true, paramLabel = "STACK", description = "The stack it is promoted to, e.g. prod.")
    String to;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = project.workspace();
        Instant now = Instant.now();
        Plan a = Plan.of(workspace.load(from, now), now, 0);
        Plan b = Plan.of(workspace.load(to, now), now, 0);
        spec.commandLine().getOut().print(StackDiff.render(a, b));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
