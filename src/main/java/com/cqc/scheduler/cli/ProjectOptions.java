package com.cqc.scheduler.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the Pulumi project is: every command reads its stack files and catalog from there. */
final class ProjectOptions {
    /** bin/cqc names the repository root in {@code cqc.projectDir}, so it works from any directory. */
    @Option(names = "--project-dir", defaultValue = "${sys:cqc.projectDir:-.}", paramLabel = "DIR",
            description = "The Pulumi project directory (default: the repository root with bin/cqc, else the current one).")
    Path dir;

    Workspace workspace() {
        return new Workspace(dir);
    }
}
