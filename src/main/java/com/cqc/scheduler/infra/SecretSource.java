package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.StackFile;
import com.pulumi.core.Output;

/** Where secret config values come from: Pulumi's config under {@code pulumi up}, nothing offline. */
@FunctionalInterface
public interface SecretSource {
    /** Offline the stack file holds only ciphertext: every secret reads as {@code [secret]}. */
    SecretSource OFFLINE = key -> Output.ofSecret(StackFile.SECRET_PLACEHOLDER);

    /** The secret value of {@code namespace:key}, marked secret so Pulumi encrypts it in state and hides it. */
    Output<String> secret(String key);
}
