package com.cqc.scheduler.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where a job sends its request: exactly one per job (R9.7). */
public sealed interface Target permits Target.Http, Target.Pubsub, Target.AppEngine {

    /** {@code http}, {@code pubsub} or {@code appengine}. */
    String kind();

    /** The token the job sends; Pub/Sub and App Engine targets send none. */
    default Auth auth() {
        return new Auth.None();
    }

    /**
     * The attempt deadline to send, or empty where the API ignores it: never for Pub/Sub, whose
     * deadline would show as a permanent diff (R4.4, P1).
     */
    Optional<Duration> attemptDeadline();

    /**
     * An HTTP(S) endpoint (R6.x). Headers never carry credentials or service-managed names (P3, P10):
     * the loader rejects them, and adds {@code Content-Type: application/json} for JSON bodies (P6).
     */
    record Http(String uri, HttpMethod method, Optional<Payload> body, Map<String, String> headers,
                Auth auth, Invoker invoker, Duration deadline) implements Target {
        public Http {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(invoker, "invoker");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String kind() {
            return "http";
        }

        @Override
        public Optional<Duration> attemptDeadline() {
            return Optional.of(deadline);
        }
    }

    /** A Pub/Sub topic in the job's project (R7.x), created by the pipeline or already there. */
    record Pubsub(String topic, boolean managedTopic, Optional<Payload> data, Map<String, String> attributes)
            implements Target {
        public Pubsub {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(data, "data");
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String kind() {
            return "pubsub";
        }

        @Override
        public Optional<Duration> attemptDeadline() {
            return Optional.empty();
        }
    }

    /** An App Engine handler (R8.x); the job must live in the App Engine app's region (R1.7, P8). */
    record AppEngine(String relativeUri, HttpMethod method, Optional<Payload> body, Map<String, String> headers,
                     Routing routing, Duration deadline) implements Target {
        public AppEngine {
            Objects.requireNonNull(relativeUri, "relativeUri");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public String kind() {
            return "appengine";
        }

        @Override
        public Optional<Duration> attemptDeadline() {
            return Optional.of(deadline);
        }
    }

    /** App Engine routing (R8.4); each part optional. */
    record Routing(Optional<String> service, Optional<String> version, Optional<String> instance) {
        public Routing {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(instance, "instance");
        }
    }
}
