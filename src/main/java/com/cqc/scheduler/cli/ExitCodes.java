package com.cqc.scheduler.cli;

import java.util.List;
import java.util.Map;

/** The exit codes of every command, documented in the README and listed by every {@code --help}. */
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

    /** What each code means, in the words of {@code --help}, in order. */
    static final List<Map.Entry<Integer, String>> MEANINGS = List.of(Map.entry(OK, "done (warnings may be printed)"),
            Map.entry(INVALID_CONFIG, "invalid configuration"), Map.entry(USAGE, "usage error"),
            Map.entry(DRIFT, "the cloud differs from the code (drift)"), Map.entry(INTERNAL, "internal error"));

    private ExitCodes() {}
}
