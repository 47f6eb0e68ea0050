package com.cqc.scheduler.model;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one grant that lets a job's invoker service account call its target, and nothing wider
 * (R10.5): {@code roles/run.invoker} on one Cloud Run service (a gen2 function runs as the Cloud Run
 * service of the same name), or a project role from {@link #PROJECT_ROLE_ALLOWLIST} when the target is
 * a googleapis call such as a Dataflow template launch. Code that treats each kind of grant calls
 * {@link #match}: a new kind adds a parameter there, so every such place stops compiling until it handles it.
 */
public sealed interface Invoker permits Invoker.CloudRunService, Invoker.ProjectRole, Invoker.None {

    /** Project roles an invoker may hold: each is the narrowest predefined role for one kind of launch. */
    Set<String> PROJECT_ROLE_ALLOWLIST = Set.of(
            "roles/dataflow.developer",
            "roles/workflows.invoker",
            "roles/bigquery.jobUser");

    /** The result of the function for this kind of grant. */
    <R> R match(Function<CloudRunService, R> cloudRunService, Function<ProjectRole, R> projectRole,
                Function<None, R> none);

    /** {@code roles/run.invoker} on one Cloud Run service in the stack's region. */
    record CloudRunService(String service) implements Invoker {
        public CloudRunService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public <R> R match(Function<CloudRunService, R> cloudRunService, Function<ProjectRole, R> projectRole,
                           Function<None, R> none) {
            return cloudRunService.apply(this);
        }
    }

    /** One allow-listed role on the project. */
    record ProjectRole(String role) implements Invoker {
        public ProjectRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public <R> R match(Function<CloudRunService, R> cloudRunService, Function<ProjectRole, R> projectRole,
                           Function<None, R> none) {
            return projectRole.apply(this);
        }
    }

    /** No grant: the endpoint is outside Google Cloud IAM (it checks the token itself). */
    record None() implements Invoker {
        @Override
        public <R> R match(Function<CloudRunService, R> cloudRunService, Function<ProjectRole, R> projectRole,
                           Function<None, R> none) {
            return none.apply(this);
        }
    }
}
