package com.cqc.scheduler.config;

import java.util.Optional;
import java.util.function.Function;

/** {@link ConfigSource#withGet}: {@code source} with its {@code get} replaced. */
record ReplacedGet(ConfigSource source, Function<String, Optional<String>> get) implements ConfigSource {
    @Override
    public String stackName() {
        return source.stackName();
    }

    @Override
    public String origin() {
        return source.origin();
    }

    @Override
    public Optional<String> get(String key) {
        return get.apply(key);
    }

    @Override
    public boolean isSecret(String key) {
        return source.isSecret(key);
    }
}
