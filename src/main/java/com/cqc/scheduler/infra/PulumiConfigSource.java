package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.ConfigSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * The stack config Pulumi hands the program under {@code pulumi preview} and {@code pulumi up};
 * secrets stay {@link Output} secrets from Pulumi's config to the resource.
 */
public final class PulumiConfigSource implements ConfigSource, SecretSource {
    /** The engine names the secret keys in this variable (a JSON list) for every language host. */
    private static final String SECRET_KEYS_VARIABLE = "PULUMI_CONFIG_SECRET_KEYS";

    private final Context ctx;
    private final List<String> secretKeys;

    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
        this.secretKeys = secretKeys(System.getenv(SECRET_KEYS_VARIABLE));
    }

    static List<String> secretKeys(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    @Override
    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    @Override
    public Output<String> secret(String key) {
        int colon = key.indexOf(':');
        return ctx.config(key.substring(0, colon)).requireSecret(key.substring(colon + 1));
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
