package com.cqc.scheduler.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a job sends its request: exactly one per job (R9.7).
 *
 * <p>A closed family, handled in full wherever it is handled (Java 17 has no pattern switch):
 * <ul>
 *   <li>code that treats each variant calls {@link #match}, one function per variant: a new variant adds a
 *       parameter, and every such place stops compiling until it handles it;</li>
 *   <li>the names a variant goes by (catalog key, API field, label) are its {@link Kind}, and code that reads
 *       those names switches over the Kind in a switch expression without default: a new Kind stops it
 *       compiling;</li>
 *   <li>{@code TargetFamilyTest} fails until every record has a Kind of its own and every Kind a record.</li>
 * </ul>
 */
public sealed interface Target permits Target.Http, Target.Pubsub, Target.AppEngine {

    /** The names of each kind of target: the one list of them. */
    enum Kind {
        HTTP("http", "httpTarget", "http"),
        PUBSUB("pubsub", "pubsubTarget", "pubsub"),
        APP_ENGINE("appEngine", "appEngineHttpTarget", "appengine");

        private final String catalogKey;
        private final String apiField;
        private final String label;

        Kind(String catalogKey, String apiField, String label) {
            this.catalogKey = catalogKey;
            this.apiField = apiField;
            this.label = label;
        }

        /** The key a catalog entry gives this target under: {@code http}, {@code pubsub}, {@code appEngine}. */
        public String catalogKey() {
            return catalogKey;
        }

        /** The field of a Cloud Scheduler job (API and provider alike) that holds this target. */
        public String apiField() {
            return apiField;
        }

        /** The name plans and drift reports show: {@code http}, {@code pubsub} or {@code appengine}. */
        public String label() {
            return label;
        }

        /** Every catalog key, in declaration order. */
        public static List<String> catalogKeys() {
            return Arrays.stream(values()).map(Kind::catalogKey).toList();
        }
    }

    Kind kind();

    /** The result of the function for this variant; see the interface comment for why callers use it. */
    <R> R match(Function<Http, R> http, Function<Pubsub, R> pubsub, Function<AppEngine, R> appEngine);

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
        public Kind kind() {
            return Kind.HTTP;
        }

        @Override
        public <R> R match(Function<Http, R> http, Function<Pubsub, R> pubsub, Function<AppEngine, R> appEngine) {
            return http.apply(this);
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
        public Kind kind() {
            return Kind.PUBSUB;
        }

        @Override
        public <R> R match(Function<Http, R> http, Function<Pubsub, R> pubsub, Function<AppEngine, R> appEngine) {
            return pubsub.apply(this);
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
        public Kind kind() {
            return Kind.APP_ENGINE;
        }

        @Override
        public <R> R match(Function<Http, R> http, Function<Pubsub, R> pubsub, Function<AppEngine, R> appEngine) {
            return appEngine.apply(this);
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
