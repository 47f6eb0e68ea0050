package com.cqc.scheduler.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;

/** Where the Pulumi project is: every command reads its stack files and catalog from there. */
final class ProjectOptions {
    static final Option DIR = Option.builder().longOpt("project-dir").hasArg().argName("DIR")
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("The Pulumi project directory (default: the repository root with bin/cqc, else the current one).").get();

    private ProjectOptions() {}

    static Options addTo(Options options) {
        return options.addOption(DIR);
    }

    /** bin/cqc names the repository root in {@code cqc.projectDir}, so it works from any directory. */
    static Workspace workspace(Arguments args) {
        return new Workspace(args.value(DIR, Path.of(System.getProperty("cqc.projectDir", "."))));
    }
}
