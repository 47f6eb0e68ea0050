package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.model.StackModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;

/** The project and the one stack a command works on. */
final class StackOptions {
    @Mixin
    ProjectOptions project;
    @Option(names = "--stack", required = true, paramLabel = "STACK", description = "dev, staging or prod.")
    String name;

    Workspace workspace() {
        return project.workspace();
    }

    /** The stack loaded and validated through the one loader. */
    StackModel load(Instant now) throws ConfigException {
        return workspace().load(name, now);
    }

    StackFile file() throws ConfigException {
        return workspace().stackFile(name);
    }
}
