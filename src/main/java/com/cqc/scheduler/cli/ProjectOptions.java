package com.cqc.scheduler.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the Pulumi project is: every command reads its stack files and catalog from there. */
final class ProjectOptions {
    @Option(names = "--project-dir", defaultValue = ".", paramLabel = "DIR",
            description = "The Pulumi project directory (default: the current one).")
    Path dir;

    Workspace workspace() {
        return new Workspace(dir);
    }
}
