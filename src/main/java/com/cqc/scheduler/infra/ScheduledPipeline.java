package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.model.Invoker;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.RetryPolicy;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.gcp.cloudrunv2.ServiceIamMember;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.cloudscheduler.Job;
import com.pulumi.gcp.cloudscheduler.JobArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobAppEngineHttpTargetAppEngineRoutingArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobAppEngineHttpTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetOauthTokenArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetOidcTokenArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobPubsubTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobRetryConfigArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CQC pipeline: its Cloud Scheduler job and everything the job needs to reach its target, as
 * children of this component. Child names derive from the component name; they and the parent tree
 * are a contract with the state: renaming a pipeline needs aliases ({@code formerIds}), or its cloud
 * resources are replaced.
 */
public final class ScheduledPipeline extends ComponentResource {
    public static final String TYPE = "cqc:scheduler:ScheduledPipeline";
    static final String RUN_INVOKER = "roles/run.invoker";
    static final String PUBLISHER = "roles/pubsub.publisher";
    /** The job inputs a Pub/Sub job leaves to the provider (P13). */
    static final List<String> PUBSUB_IGNORED = List.of("attemptDeadline");

    /** The job's full name, {@code projects/P/locations/L/jobs/ID}. */
    @Export(name = "jobName", refs = {String.class})
    public final Output<String> jobName;

    /** The topic the job publishes to ({@code projects/P/topics/T}); null for other targets. */
    @Export(name = "topicName", refs = {String.class})
    public final Output<String> topicName;

    /** The invoker service account's email; null when the job sends no token. */
    @Export(name = "serviceAccountEmail", refs = {String.class})
    public final Output<String> serviceAccountEmail;

    private final ScheduledPipelineArgs args;

    public ScheduledPipeline(String name, ScheduledPipelineArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, null, withAliases(opts, formerUrns(args, null, "")));
        this.args = args;
        Pipeline pipeline = args.pipeline();
        StackSettings stack = args.stack();
        ProjectApis apis = args.apis();
        Output<String> absent = Output.ofNullable(null);

        // The invoker's email is fixed by its id and project: a plain value stays known during
        // `pulumi preview` (policies can judge it); dependsOn keeps the order an Output would give.
        Optional<Account> invoker = pipeline.serviceAccountId().map(id -> new Account(name + "-invoker",
                AccountArgs.builder()
                        .project(stack.project())
                        .accountId(id)
                        .displayName("Cloud Scheduler invoker: " + pipeline.id())
                        .description("Calls the target of the Cloud Scheduler job " + pipeline.id() + "; nothing else.")
                        .build(),
                options(Account.class, "-invoker").protect(stack.protectStateful()).dependsOn(apis.api(ProjectApis.IAM)).build()));
        Optional<String> email = pipeline.serviceAccountId().map(id -> invokerEmail(id, stack));

        // The job waits for its API and for the grant that lets it reach its target (which waits for
        // the account); without a grant, for the account itself.
        List<Resource> jobWaitsFor = new ArrayList<>(List.of(apis.api(ProjectApis.SCHEDULER)));
        JobArgs.Builder job = JobArgs.builder()
                .project(stack.project())
                .region(pipeline.region())
                .name(pipeline.id())
                .schedule(pipeline.schedule().expression())
                .timeZone(pipeline.timeZone().getId())
                .paused(pipeline.paused())
                .retryConfig(retryConfig(pipeline.retry()));
        if (!pipeline.description().isEmpty()) {
            job.description(pipeline.description());
        }
        pipeline.target().attemptDeadline().ifPresent(d -> job.attemptDeadline(Durations.toApi(d)));

        Output<String> topic = pipeline.target().match(
                http -> {
                    job.httpTarget(httpTarget(http, email));
                    invoker.ifPresent(account -> jobWaitsFor.add(
                            invokerGrant(name, http.invoker(), stack, email.orElseThrow(), account).orElse(account)));
                    return absent;
                },
                pubsub -> {
                    Output<String> published = topic(name, pubsub, pipeline, stack);
                    // The Cloud Scheduler service agent exists only once the Scheduler API is enabled (its
                    // enablement creates it); an existing topic gives no Output to wait on, so Pub/Sub explicitly.
                    jobWaitsFor.add(new TopicIAMMember(name + "-publisher", TopicIAMMemberArgs.builder()
                            .project(stack.project())
                            .topic(published)
                            .role(PUBLISHER)
                            .member("serviceAccount:" + stack.schedulerServiceAgent())
                            .build(), options(TopicIAMMember.class, "-publisher")
                            .dependsOn(apis.api(ProjectApis.SCHEDULER), apis.api(ProjectApis.PUBSUB)).build()));
                    job.pubsubTarget(pubsubTarget(pubsub, published));
                    return published;
                },
                appEngine -> {
                    job.appEngineHttpTarget(appEngineTarget(appEngine));
                    return absent;
                });

        // A fixed job name cannot be created before the old one is gone (P12).
        CustomResourceOptions.Builder jobOptions = options(Job.class, "-job")
                .deleteBeforeReplace(true)
                .dependsOn(jobWaitsFor);
        if (pipeline.target().attemptDeadline().isEmpty()) {
            // P13: the provider's Check defaults attemptDeadline to "180s" on every job, the API answers
            // "0s" for Pub/Sub jobs (the field does not apply to them): the provider owns it there.
            // HTTP and App Engine jobs always send theirs, so nothing of theirs is left to that default;
            // a target that sends none (Pub/Sub) leaves it.
            jobOptions.ignoreChanges(PUBSUB_IGNORED);
        }
        Job created = new Job(name + "-job", job.build(), jobOptions.build());

        this.jobName = created.id();
        this.topicName = topic;
        this.serviceAccountEmail = email.map(Output::of).orElse(absent);
        registerOutputs(Map.of("jobName", jobName, "topicName", topicName, "serviceAccountEmail", serviceAccountEmail));
    }

    /** The values this pipeline exports, all fixed by the model: no extra work for the engine. */
    public static Map<String, String> exports(Pipeline pipeline, StackSettings stack) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("jobName", "projects/" + stack.project() + "/locations/" + pipeline.region() + "/jobs/" + pipeline.id());
        pipeline.target().match(http -> Optional.<String>empty(), pubsub -> Optional.of(pubsub.topic()),
                        appEngine -> Optional.<String>empty())
                .ifPresent(topic -> out.put("topicName", "projects/" + stack.project() + "/topics/" + topic));
        pipeline.serviceAccountId().ifPresent(id -> out.put("serviceAccountEmail", invokerEmail(id, stack)));
        return out;
    }

    static String invokerEmail(String accountId, StackSettings stack) {
        return accountId + "@" + stack.project() + ".iam.gserviceaccount.com";
    }

    /** Options of a child: parented here, and known by its former URNs when the pipeline was renamed. */
    private CustomResourceOptions.Builder options(Class<? extends Resource> type, String suffix) {
        CustomResourceOptions.Builder b = CustomResourceOptions.builder().parent(this);
        List<String> former = formerUrns(args, type, suffix);
        return former.isEmpty() ? b : b.aliases(aliases(former));
    }

    private static ComponentResourceOptions withAliases(ComponentResourceOptions opts, List<String> former) {
        return former.isEmpty() ? opts
                : ComponentResourceOptions.merge(opts, ComponentResourceOptions.builder().aliases(aliases(former)).build());
    }

    private static List<Output<Alias>> aliases(List<String> urns) {
        return urns.stream().map(u -> Output.of(Alias.withUrn(u))).toList();
    }

    /** The URNs a resource had under each former pipeline id ({@code type} null: the component itself). */
    static List<String> formerUrns(ScheduledPipelineArgs args, Class<? extends Resource> type, String suffix) {
        String prefix = "urn:pulumi:" + args.stack().stack() + "::" + StackLoader.PROJECT + "::" + TYPE;
        return args.pipeline().formerIds().stream()
                .map(old -> type == null ? prefix + "::" + old
                        : prefix + "$" + type.getAnnotation(ResourceType.class).type() + "::" + old + suffix)
                .toList();
    }

    private Output<String> topic(String name, Target.Pubsub pubsub, Pipeline pipeline, StackSettings stack) {
        if (!pubsub.managedTopic()) {
            return Output.of("projects/" + stack.project() + "/topics/" + pubsub.topic());
        }
        // Topics hold messages others read: protected, and kept in the cloud when removed from a
        // protected stack.
        return new Topic(name + "-topic", TopicArgs.builder()
                .project(stack.project())
                .name(pubsub.topic())
                .labels(pipeline.labels())
                .messageRetentionDuration(Durations.toApi(stack.topicRetention()))
                .build(), options(Topic.class, "-topic")
                .protect(stack.protectStateful())
                .retainOnDelete(stack.protectStateful())
                .dependsOn(args.apis().api(ProjectApis.PUBSUB))
                .build()).id();
    }

    /** The one grant that lets the invoker call its target (R10.5), made after the account exists. */
    private Optional<Resource> invokerGrant(String name, Invoker invoker, StackSettings stack, String email,
                                            Account account) {
        String member = "serviceAccount:" + email;
        return invoker.match(
                run -> Optional.of(new ServiceIamMember(name + "-run-invoker", ServiceIamMemberArgs.builder()
                        .project(stack.project())
                        .location(stack.region())
                        .name(run.service())
                        .role(RUN_INVOKER)
                        .member(member)
                        .build(), options(ServiceIamMember.class, "-run-invoker").dependsOn(account).build())),
                role -> Optional.of(new IAMMember(name + "-project-invoker", IAMMemberArgs.builder()
                        .project(stack.project())
                        .role(role.role())
                        .member(member)
                        .build(), options(IAMMember.class, "-project-invoker").dependsOn(account).build())),
                none -> Optional.empty());
    }

    private static JobRetryConfigArgs retryConfig(RetryPolicy retry) {
        return JobRetryConfigArgs.builder()
                .retryCount(retry.count())
                .maxRetryDuration(Durations.toApi(retry.maxRetryDuration()))
                .minBackoffDuration(Durations.toApi(retry.minBackoff()))
                .maxBackoffDuration(Durations.toApi(retry.maxBackoff()))
                .maxDoublings(retry.maxDoublings())
                .build();
    }

    private static JobHttpTargetArgs httpTarget(Target.Http http, Optional<String> email) {
        JobHttpTargetArgs.Builder b = JobHttpTargetArgs.builder()
                .uri(http.uri())
                .httpMethod(http.method().name());
        http.body().map(Payload::base64).ifPresent(b::body);
        if (!http.headers().isEmpty()) {
            b.headers(http.headers());
        }
        return http.auth().match(
                oidc -> b.oidcToken(JobHttpTargetOidcTokenArgs.builder()
                        .serviceAccountEmail(email.orElseThrow()).audience(oidc.audience()).build()),
                oauth -> b.oauthToken(JobHttpTargetOauthTokenArgs.builder()
                        .serviceAccountEmail(email.orElseThrow()).scope(oauth.scope()).build()),
                none -> b).build();
    }

    private static JobPubsubTargetArgs pubsubTarget(Target.Pubsub pubsub, Output<String> topic) {
        JobPubsubTargetArgs.Builder b = JobPubsubTargetArgs.builder().topicName(topic);
        pubsub.data().map(Payload::base64).ifPresent(b::data);
        if (!pubsub.attributes().isEmpty()) {
            b.attributes(pubsub.attributes());
        }
        return b.build();
    }

    private static JobAppEngineHttpTargetArgs appEngineTarget(Target.AppEngine target) {
        JobAppEngineHttpTargetArgs.Builder b = JobAppEngineHttpTargetArgs.builder()
                .relativeUri(target.relativeUri())
                .httpMethod(target.method().name());
        target.body().map(Payload::base64).ifPresent(b::body);
        if (!target.headers().isEmpty()) {
            b.headers(target.headers());
        }
        Target.Routing r = target.routing();
        if (r.service().isPresent() || r.version().isPresent() || r.instance().isPresent()) {
            JobAppEngineHttpTargetAppEngineRoutingArgs.Builder routing = JobAppEngineHttpTargetAppEngineRoutingArgs.builder();
            r.service().ifPresent(routing::service);
            r.version().ifPresent(routing::version);
            r.instance().ifPresent(routing::instance);
            b.appEngineRouting(routing.build());
        }
        return b.build();
    }
}
