package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.ConfigSource;
import com.pulumi.Context;

import java.util.Optional;

/** The stack config Pulumi hands the program under {@code pulumi preview} and {@code pulumi up}. */
public final class PulumiConfigSource implements ConfigSource {
    private final Context ctx;

    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public String stackName() {
        return ctx.stackName();
    }

    @Override
    public String origin() {
        return "Pulumi." + ctx.stackName() + ".yaml";
    }

    @Override
    public Optional<String> get(String key) {
        int colon = key.indexOf(':');
        return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
    }
}
