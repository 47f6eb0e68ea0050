package com.cqc.scheduler.cli;

/** The command was called wrongly (unknown stack, bad flag value): exit code 2, one line, no trace. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
