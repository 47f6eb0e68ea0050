package com.cqc.scheduler.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * A stack's configuration as Pulumi hands it to a program: one string per {@code namespace:key},
 * objects as JSON text. Under {@code pulumi up} it is Pulumi's own config; offline and in tests it
 * is the stack file read by {@link StackFile}. Both feed the same {@link StackLoader}.
 */
public interface ConfigSource {

    /** The stack's name (dev, staging, prod). */
    String stackName();

    /** Where the values come from, for error messages, e.g. {@code Pulumi.prod.yaml}. */
    String origin();

    /** The value of {@code namespace:key}; objects and lists as JSON text. */
    Optional<String> get(String key);

    /** Whether the key was set as a secret ({@code pulumi config set --secret}). */
    boolean isSecret(String key);

    /**
     * This config with {@link #get} answered by {@code get}, which may ask this one; the rest as this one
     * answers. The importer hides a stack's per-pipeline overrides so; a test records the keys the loader reads.
     */
    default ConfigSource withGet(Function<String, Optional<String>> get) {
        return new ReplacedGet(this, get);
    }
}
