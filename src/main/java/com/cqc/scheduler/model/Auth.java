package com.cqc.scheduler.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a job authenticates to an HTTP target (R6.5-R6.7). App Engine and Pub/Sub targets take none.
 * Code that treats each kind of token calls {@link #match}: a new kind adds a parameter there, so every
 * such place stops compiling until it handles it.
 */
public sealed interface Auth permits Auth.Oidc, Auth.OAuth, Auth.None {

    /** Default OAuth scope (R6.7). */
    String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    /** An OIDC ID token for Cloud Run, Cloud Functions and other endpoints; the audience is always explicit (P4). */
    record Oidc(String audience) implements Auth {
        public Oidc {
            Objects.requireNonNull(audience, "audience");
        }

        @Override
        public String kind() {
            return "oidc";
        }

        @Override
        public <R> R match(Function<Oidc, R> oidc, Function<OAuth, R> oauth, Function<None, R> none) {
            return oidc.apply(this);
        }
    }

    /** An OAuth access token, only for *.googleapis.com (R6.6). */
    record OAuth(String scope) implements Auth {
        public OAuth {
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String kind() {
            return "oauth";
        }

        @Override
        public <R> R match(Function<Oidc, R> oidc, Function<OAuth, R> oauth, Function<None, R> none) {
            return oauth.apply(this);
        }
    }

    /** No token. */
    record None() implements Auth {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        public <R> R match(Function<Oidc, R> oidc, Function<OAuth, R> oauth, Function<None, R> none) {
            return none.apply(this);
        }
    }

    /** {@code oidc}, {@code oauth} or {@code none}, as written in the catalog. */
    String kind();

    /** The result of the function for this kind of token. */
    <R> R match(Function<Oidc, R> oidc, Function<OAuth, R> oauth, Function<None, R> none);

    /** Whether the job sends a token, and so needs an invoker account (R11.1). */
    default boolean sendsToken() {
        return match(oidc -> true, oauth -> true, none -> false);
    }
}
