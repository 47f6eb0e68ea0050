package com.cqc.scheduler.infra;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.cloudrunv2.ServiceIamMember;
import com.pulumi.gcp.cloudscheduler.Job;
import com.pulumi.gcp.logging.Metric;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.resources.Resource;

/**
 * The type tokens of the resources the program registers, as the engine, the state and the plan name
 * them. Each gcp token is read from its SDK class's {@link ResourceType} annotation, so an SDK that
 * renamed a type would change it here and nowhere else. Reading an annotation loads the class (the
 * program loads most of them anyway) without initialising it.
 *
 * <p>Our own components keep their token in their class ({@link ScheduledPipeline#TYPE},
 * {@link FailureAlerting#TYPE}); this class only knows the package they share.
 */
public final class ResourceTypes {
    public static final String JOB = of(Job.class);
    public static final String TOPIC = of(Topic.class);
    public static final String TOPIC_IAM_MEMBER = of(TopicIAMMember.class);
    public static final String SERVICE_ACCOUNT = of(Account.class);
    public static final String CLOUD_RUN_IAM_MEMBER = of(ServiceIamMember.class);
    public static final String PROJECT_IAM_MEMBER = of(IAMMember.class);
    public static final String PROJECT_SERVICE = of(Service.class);
    /** Not registered by the program any more; still known so a state that holds one plans and diffs. */
    public static final String LOG_METRIC = of(Metric.class);
    public static final String NOTIFICATION_CHANNEL = of(NotificationChannel.class);
    public static final String ALERT_POLICY = of(AlertPolicy.class);

    /** The stack resource, the root of every URN tree (the SDK's constant; the class itself is internal). */
    public static final String STACK = com.pulumi.resources.internal.Stack.RootPulumiStackTypeName;

    /** {@code pulumi:providers:gcp}: a provider resource, which the engine registers and the plan does not. */
    public static final String GCP_PROVIDER = of(Provider.class);
    /** Every provider's token starts so ({@code pulumi:providers:}), whatever its package. */
    private static final String PROVIDER_PREFIX = GCP_PROVIDER.substring(0, GCP_PROVIDER.lastIndexOf(':') + 1);

    /** {@code cqc:}, the package of our components' tokens: ScheduledPipeline's (FailureAlerting's is alike, tested). */
    private static final String COMPONENT_PREFIX = ScheduledPipeline.TYPE.substring(0, ScheduledPipeline.TYPE.indexOf(':') + 1);

    private ResourceTypes() {}

    /** Whether {@code type} is a provider resource's ({@code pulumi:providers:...}). */
    public static boolean isProvider(String type) {
        return type.startsWith(PROVIDER_PREFIX);
    }

    /** Whether {@code type} is one of our own components' ({@code cqc:...}): no cloud object, no state of its own. */
    public static boolean isComponent(String type) {
        return type.startsWith(COMPONENT_PREFIX);
    }

    private static String of(Class<? extends Resource> sdkClass) {
        return sdkClass.getAnnotation(ResourceType.class).type();
    }
}
