package com.cqc.scheduler.model;

import java.util.Objects;

/** How a job authenticates to an HTTP target (R6.5-R6.7). App Engine and Pub/Sub targets take none. */
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
    }

    /** No token. */
    record None() implements Auth {
        @Override
        public String kind() {
            return "none";
        }
    }

    /** {@code oidc}, {@code oauth} or {@code none}, as written in the catalog. */
    String kind();
}
