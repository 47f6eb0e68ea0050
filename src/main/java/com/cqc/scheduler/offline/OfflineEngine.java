package com.cqc.scheduler.offline;

import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.infra.CqcScheduler;
import com.cqc.scheduler.infra.ResourceTypes;
import com.cqc.scheduler.infra.ScheduledPipeline;
import com.cqc.scheduler.infra.SecretSource;
import com.cqc.scheduler.model.StackModel;
import com.pulumi.Context;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the real program on Pulumi's in-process mock engine with the {@link ProviderEmulator}, and
 * records what the engine was asked to register: the inputs (as the provider receives them) and the
 * options (through a stack transformation, which sees every resource before it is registered).
 */
public final class OfflineEngine {
    private final String stack;
    private final Map<Resource, Resource> parents = new HashMap<>();

    private OfflineEngine(String stack) {
        this.stack = stack;
    }

    /** What the program registers for a validated stack. */
    public static List<PlannedResource> plan(StackModel model) {
        return run(model.settings().stack(), ctx -> CqcScheduler.define(ctx, model, SecretSource.OFFLINE));
    }

    /** Runs a program on the emulator and describes what it registered. */
    public static List<PlannedResource> run(String stack, Consumer<Context> program) {
        return run(stack, program, new ProviderEmulator());
    }

    /** Runs a program against the given provider mocks (tests pass a Mockito spy of the emulator). */
    public static List<PlannedResource> run(String stack, Consumer<Context> program, Mocks provider) {
        List<ResourceTransformation.Args> registered = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
        Mocks recording = args -> {
            inputs.put(key(args.type, args.name), args.inputs);
            return provider.newResourceAsync(args);
        };
        ResourceTransformation recorder = args -> {
            registered.add(args);
            return Optional.empty();
        };
        try {
            TestResult result = PulumiTestInternal.builder()
                    .mocks(recording)
                    .deploymentFactory(OfflineEngine::withCompletionRunner)
                    .options(TestOptions.builder()
                            .projectName(StackLoader.PROJECT)
                            .stackName(stack)
                            .preview(true)
                            .resourceTransformations(List.of(recorder))
                            .build())
                    .build()
                    .runTest(program);
            // Logged errors count too: an invalid config is reported as errors, not thrown (InvalidConfig).
            if (result.exitCode() != 0 || !result.exceptions().isEmpty() || !result.errors().isEmpty()) {
                Throwable cause = result.exceptions().isEmpty() ? null : result.exceptions().get(0);
                throw new IllegalStateException("the program failed on the mock engine: " + result.errors(), cause);
            }
            return new OfflineEngine(stack).describe(registered, inputs);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The SDK's deployment with a runner that does not poll (see {@link CompletionRunner}). */
    private static DeploymentInternal withCompletionRunner(DeploymentImpl.DeploymentState state) {
        state.runner = new CompletionRunner();
        return new DeploymentImpl(state);
    }

    private List<PlannedResource> describe(List<ResourceTransformation.Args> registered,
                                                  Map<String, Map<String, Object>> inputs) {
        Map<Resource, String> pipelineOf = new HashMap<>();
        List<PlannedResource> out = new ArrayList<>(registered.size());
        for (ResourceTransformation.Args args : registered) {
            Resource resource = args.resource();
            if (resource.pulumiResourceType().equals(ResourceTypes.STACK)) {
                continue;
            }
            ResourceOptions options = args.options();
            Optional<Resource> parent = options.getParent().filter(p -> !p.pulumiResourceType().equals(ResourceTypes.STACK));
            String pipeline = resource.pulumiResourceType().equals(ScheduledPipeline.TYPE)
                    ? resource.pulumiResourceName() : parent.map(pipelineOf::get).orElse(null);
            if (pipeline != null) {
                pipelineOf.put(resource, pipeline);
            }
            parent.ifPresent(p -> parents.put(resource, p));
            boolean custom = resource instanceof CustomResource;
            out.add(new PlannedResource(
                    urn(resource),
                    resource.pulumiResourceType(),
                    resource.pulumiResourceName(),
                    custom,
                    parent.map(this::urn).orElse(null),
                    pipeline,
                    inputs.getOrDefault(key(resource.pulumiResourceType(), resource.pulumiResourceName()), Map.of()),
                    new PlannedResource.Options(
                            options.getProtect().orElse(false),
                            options.getRetainOnDelete().orElse(false),
                            options instanceof CustomResourceOptions c && c.getDeleteBeforeReplace(),
                            PulumiTest.extractValue(options.getDependsOn()).stream().map(this::urn).toList(),
                            options.getAliases().stream().map(this::alias).toList(),
                            options.getIgnoreChanges()),
                    custom ? ProviderEmulator.afterApply(resource.pulumiResourceType()) : List.of()));
        }
        return out;
    }

    /**
     * The URN the Pulumi engine gives a resource. The mock engine puts the stack's type into its
     * children's URNs; the real engine does not, and policies and reviewers see the real form.
     */
    private String urn(Resource resource) {
        return "urn:pulumi:" + stack + "::" + StackLoader.PROJECT + "::" + qualifiedType(resource) + "::"
                + resource.pulumiResourceName();
    }

    private String qualifiedType(Resource resource) {
        Optional<Resource> parent = Optional.ofNullable(parents.get(resource));
        return parent.map(p -> qualifiedType(p) + "$").orElse("") + resource.pulumiResourceType();
    }

    /** An alias as text: its URN, or what it changes (the SDK adds parent aliases to children itself). */
    private String alias(Output<Alias> output) {
        Alias alias = PulumiTest.extractValue(output);
        if (alias.getUrn().isPresent()) {
            return alias.getUrn().get();
        }
        List<String> parts = new ArrayList<>();
        alias.getName().map(PulumiTest::extractValue).ifPresent(n -> parts.add("name=" + n));
        alias.getType().map(PulumiTest::extractValue).ifPresent(t -> parts.add("type=" + t));
        alias.getParent().ifPresent(p -> parts.add("parent=" + urn(p)));
        alias.getParentUrn().map(PulumiTest::extractValue).ifPresent(u -> parts.add("parent=" + u));
        if (alias.hasNoParent()) {
            parts.add("no parent");
        }
        return parts.isEmpty() ? "(same resource)" : String.join(" ", parts);
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}
