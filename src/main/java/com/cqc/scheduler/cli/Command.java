package com.cqc.scheduler.cli;

import org.apache.commons.cli.Options;

import java.io.PrintWriter;

/** One offline command: the options it takes, built only when it is the one being run, and what it does with them. */
interface Command {
    /** This command's own options; {@link Cli} adds -h/--help and -V/--version. */
    Options options();

    /** Does the work with the options as given; returns an exit code of {@link ExitCodes}. */
    int run(Arguments args, PrintWriter out) throws Exception;
}
