package com.cqc.scheduler.infra;

import com.pulumi.exceptions.RunException;

/**
 * Ends {@code pulumi preview} / {@code pulumi up} before any resource is registered. The SDK logs a
 * RunException's message alone, without the stack trace it prints for other exceptions, and exits 32.
 */
public final class InvalidConfigException extends RunException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
