package com.cqc.scheduler.model;

import java.util.Objects;
import java.util.Set;

/**
 * The one grant that lets a job's invoker service account call its target, and nothing wider
 * (R10.5): {@code roles/run.invoker} on one Cloud Run service (a gen2 function runs as the Cloud Run
 * service of the same name), or a project role from {@link #PROJECT_ROLE_ALLOWLIST} when the target is
 * a googleapis call such as a Dataflow template launch.
 */
public sealed interface Invoker permits Invoker.CloudRunService, Invoker.ProjectRole, Invoker.None {

    /** Project roles an invoker may hold: each is the narrowest predefined role for one kind of launch. */
    Set<String> PROJECT_ROLE_ALLOWLIST = Set.of(
            "roles/dataflow.developer",
            "roles/workflows.invoker",
            "roles/bigquery.jobUser");

    /** {@code roles/run.invoker} on one Cloud Run service in the stack's region. */
    record CloudRunService(String service) implements Invoker {
        public CloudRunService {
            Objects.requireNonNull(service, "service");
        }
    }

    /** One allow-listed role on the project. */
    record ProjectRole(String role) implements Invoker {
        public ProjectRole {
            Objects.requireNonNull(role, "role");
        }
    }

    /** No grant: the endpoint is outside Google Cloud IAM (it checks the token itself). */
    record None() implements Invoker {}
}
