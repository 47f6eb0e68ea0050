package com.cqc.scheduler.cli;

/** The exit codes of every command, documented in the README. */
public final class ExitCodes {
    /** Done; warnings may have been printed. */
    public static final int OK = 0;
    /** The configuration is invalid: the errors were printed, each with its path. */
    public static final int INVALID_CONFIG = 1;
    /** The command was called wrongly: unknown command, flag, stack, or a value that does not parse. */
    public static final int USAGE = 2;
    /** The cloud and the code differ ({@code drift}). */
    public static final int DRIFT = 3;
    /** A bug in this program: please report it with the output. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
