package com.cqc.scheduler.cli;

/**
 * The command was called wrongly (unknown stack, bad flag value): exit code 2, one line, no trace. A mistake in
 * the command line itself (an unknown option, a missing value) also points to the help that lists what is allowed.
 */
final class UsageException extends RuntimeException {
    private final boolean pointsToHelp;

    UsageException(String message) {
        this(message, false);
    }

    private UsageException(String message, boolean pointsToHelp) {
        super(message);
        this.pointsToHelp = pointsToHelp;
    }

    /** A command line that does not parse: the line printed ends with where the help is. */
    static UsageException commandLine(String message) {
        return new UsageException(message, true);
    }

    boolean pointsToHelp() {
        return pointsToHelp;
    }
}
