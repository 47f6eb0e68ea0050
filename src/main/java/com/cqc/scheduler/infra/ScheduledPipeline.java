package com.cqc.scheduler.infra;

import com.cqc.scheduler.config.Durations;
import com.cqc.scheduler.model.Auth;
import com.cqc.scheduler.model.Invoker;
import com.cqc.scheduler.model.Payload;
import com.cqc.scheduler.model.Pipeline;
import com.cqc.scheduler.model.RetryPolicy;
import com.cqc.scheduler.model.StackSettings;
import com.cqc.scheduler.model.Target;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
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
 * are a contract with the state: renaming a pipeline needs aliases, or its cloud resources are replaced.
 */
public final class ScheduledPipeline extends ComponentResource {
    public static final String TYPE = "cqc:scheduler:ScheduledPipeline";
    static final String RUN_INVOKER = "roles/run.invoker";
    static final String PUBLISHER = "roles/pubsub.publisher";

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
        super(TYPE, name, null, withAliases(opts, args, null, ""));
        this.args = args;
        Pipeline pipeline = args.pipeline();
        StackSettings stack = args.stack();

        List<Resource> grantsWaitFor = new ArrayList<>();
        Optional<Account> invoker = pipeline.serviceAccountId().map(id -> new Account(name + "-invoker",
                AccountArgs.builder()
                        .project(stack.project())
                        .accountId(id)
                        .displayName("Cloud Scheduler invoker: " + pipeline.id())
                        .description("Calls the target of the Cloud Scheduler job " + pipeline.id() + "; nothing else.")
                        .build(),
                stateful(stack, Account.class, "-invoker")));
        // The email is fixed by the account id and project: using it as a plain string keeps it known
        // during `pulumi preview`, so policies judge it; dependsOn keeps the order the Output gave.
        Optional<Output<String>> invokerEmail = pipeline.serviceAccountId().map(id -> Output.of(invokerEmail(id, stack)));
        invoker.ifPresent(grantsWaitFor::add);

        List<Resource> grants = new ArrayList<>();
        Output<String> topic = null;
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

        Target target = pipeline.target();
        if (target instanceof Target.Http http) {
            job.httpTarget(httpTarget(http, invokerEmail));
            invokerGrant(name, http.invoker(), stack, invokerEmail, grantsWaitFor).ifPresent(grants::add);
        } else if (target instanceof Target.Pubsub pubsub) {
            topic = topic(name, pubsub, pipeline, stack);
            grants.add(new TopicIAMMember(name + "-publisher", TopicIAMMemberArgs.builder()
                    .project(stack.project())
                    .topic(topic)
                    .role(PUBLISHER)
                    .member("serviceAccount:" + stack.schedulerServiceAgent())
                    .build(), child(TopicIAMMember.class, "-publisher")));
            job.pubsubTarget(pubsubTarget(pubsub, topic));
        } else if (target instanceof Target.AppEngine appEngine) {
            job.appEngineHttpTarget(appEngineTarget(appEngine));
        }

        // A fixed job name cannot be created before the old one is gone (P12); and the first run must
        // not race the grant that lets it reach its target.
        List<Resource> before = with(grantsWaitFor);
        before.addAll(grants);
        Job created = new Job(name + "-job", job.build(), childOptions(Job.class, "-job")
                .deleteBeforeReplace(true)
                .dependsOn(before)
                .build());

        this.jobName = created.id();
        this.topicName = topic == null ? Output.ofNullable(null) : topic;
        this.serviceAccountEmail = invokerEmail.orElse(Output.ofNullable(null));
        registerOutputs(outputs());
    }

    /** The outputs that exist for this pipeline, by export name. */
    public Map<String, Output<?>> outputs() {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put("jobName", jobName);
        out.put("topicName", topicName);
        out.put("serviceAccountEmail", serviceAccountEmail);
        return out;
    }

    /**
     * Options of a child: parented here, after the project's APIs, and known by its former URNs when
     * the pipeline was renamed ({@code formerIds}), so a rename moves state instead of replacing it.
     */
    private CustomResourceOptions.Builder childOptions(Class<? extends Resource> type, String suffix) {
        CustomResourceOptions.Builder b = CustomResourceOptions.builder().parent(this).dependsOn(args.dependsOn());
        List<Output<Alias>> aliases = formerUrns(args, type, suffix).stream().map(u -> Output.of(Alias.withUrn(u))).toList();
        return aliases.isEmpty() ? b : b.aliases(aliases);
    }

    /** The project's APIs plus {@code more}: dependsOn replaces, so every call names the whole list. */
    private List<Resource> with(List<Resource> more) {
        List<Resource> all = new ArrayList<>(args.dependsOn());
        all.addAll(more);
        return all;
    }

    static String invokerEmail(String accountId, StackSettings stack) {
        return accountId + "@" + stack.project() + ".iam.gserviceaccount.com";
    }

    private CustomResourceOptions child(Class<? extends Resource> type, String suffix) {
        return childOptions(type, suffix).build();
    }

    /** Topics and service accounts hold state others depend on: protected where the stack says so. */
    private CustomResourceOptions stateful(StackSettings stack, Class<? extends Resource> type, String suffix) {
        return childOptions(type, suffix).protect(stack.protectStateful()).build();
    }

    private static ComponentResourceOptions withAliases(ComponentResourceOptions opts, ScheduledPipelineArgs args,
                                                        Class<? extends Resource> type, String suffix) {
        List<String> urns = formerUrns(args, type, suffix);
        if (urns.isEmpty()) {
            return opts;
        }
        return ComponentResourceOptions.merge(opts, ComponentResourceOptions.builder()
                .aliases(urns.stream().map(u -> Output.of(Alias.withUrn(u))).toList()).build());
    }

    /** The URNs this resource had under each former pipeline id ({@code type} null: the component). */
    static List<String> formerUrns(ScheduledPipelineArgs args, Class<? extends Resource> type, String suffix) {
        String prefix = "urn:pulumi:" + args.stack().stack() + "::" + CqcScheduler.PROJECT + "::" + TYPE;
        return args.pipeline().formerIds().stream()
                .map(old -> type == null ? prefix + "::" + old : prefix + "$" + token(type) + "::" + old + suffix)
                .toList();
    }

    /** The Pulumi type token of a gcp resource class, from its annotation. */
    private static String token(Class<? extends Resource> type) {
        return type.getAnnotation(com.pulumi.core.annotations.ResourceType.class).type();
    }

    private Output<String> topic(String name, Target.Pubsub pubsub, Pipeline pipeline, StackSettings stack) {
        if (!pubsub.managedTopic()) {
            return Output.of("projects/" + stack.project() + "/topics/" + pubsub.topic());
        }
        Topic topic = new Topic(name + "-topic", TopicArgs.builder()
                .project(stack.project())
                .name(pubsub.topic())
                .labels(pipeline.labels())
                .messageRetentionDuration(Durations.toApi(stack.topicRetention()))
                .build(), childOptions(Topic.class, "-topic")
                .protect(stack.protectStateful())
                .retainOnDelete(stack.protectStateful())
                .build());
        return topic.id();
    }

    private Optional<Resource> invokerGrant(String name, Invoker invoker, StackSettings stack,
                                            Optional<Output<String>> email, List<Resource> waitFor) {
        if (email.isEmpty() || invoker instanceof Invoker.None) {
            return Optional.empty();
        }
        Output<String> member = email.get().applyValue(e -> "serviceAccount:" + e);
        if (invoker instanceof Invoker.CloudRunService run) {
            return Optional.of(new ServiceIamMember(name + "-run-invoker", ServiceIamMemberArgs.builder()
                    .project(stack.project())
                    .location(stack.region())
                    .name(run.service())
                    .role(RUN_INVOKER)
                    .member(member)
                    .build(), childOptions(ServiceIamMember.class, "-run-invoker").dependsOn(with(waitFor)).build()));
        }
        Invoker.ProjectRole role = (Invoker.ProjectRole) invoker;
        return Optional.of(new IAMMember(name + "-project-invoker", IAMMemberArgs.builder()
                .project(stack.project())
                .role(role.role())
                .member(member)
                .build(), childOptions(IAMMember.class, "-project-invoker").dependsOn(with(waitFor)).build()));
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

    private static JobHttpTargetArgs httpTarget(Target.Http http, Optional<Output<String>> email) {
        JobHttpTargetArgs.Builder b = JobHttpTargetArgs.builder()
                .uri(http.uri())
                .httpMethod(http.method().name());
        http.body().map(Payload::base64).ifPresent(b::body);
        if (!http.headers().isEmpty()) {
            b.headers(http.headers());
        }
        Auth auth = http.auth();
        if (auth instanceof Auth.Oidc oidc) {
            b.oidcToken(JobHttpTargetOidcTokenArgs.builder()
                    .serviceAccountEmail(email.orElseThrow()).audience(oidc.audience()).build());
        } else if (auth instanceof Auth.OAuth oauth) {
            b.oauthToken(JobHttpTargetOauthTokenArgs.builder()
                    .serviceAccountEmail(email.orElseThrow()).scope(oauth.scope()).build());
        }
        return b.build();
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
