package com.cqc.scheduler.infra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens read from the SDK's annotations are the ones the engine, the state files and the policy pack
 * spell: an SDK that renamed one fails here first.
 */
class ResourceTypesTest {

    @Test
    void theGcpTokensAreTheSdksAsTheStateSpellsThem() {
        assertThat(List.of(ResourceTypes.JOB, ResourceTypes.TOPIC, ResourceTypes.TOPIC_IAM_MEMBER,
                ResourceTypes.SERVICE_ACCOUNT, ResourceTypes.CLOUD_RUN_IAM_MEMBER, ResourceTypes.PROJECT_IAM_MEMBER,
                ResourceTypes.PROJECT_SERVICE, ResourceTypes.LOG_METRIC, ResourceTypes.NOTIFICATION_CHANNEL,
                ResourceTypes.ALERT_POLICY, ResourceTypes.GCP_PROVIDER, ResourceTypes.STACK)).containsExactly(
                "gcp:cloudscheduler/job:Job",
                "gcp:pubsub/topic:Topic",
                "gcp:pubsub/topicIAMMember:TopicIAMMember",
                "gcp:serviceaccount/account:Account",
                "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
                "gcp:projects/iAMMember:IAMMember",
                "gcp:projects/service:Service",
                "gcp:logging/metric:Metric",
                "gcp:monitoring/notificationChannel:NotificationChannel",
                "gcp:monitoring/alertPolicy:AlertPolicy",
                "pulumi:providers:gcp",
                "pulumi:pulumi:Stack");
    }

    @Test
    void providersAreTheEnginesWhateverTheirPackage() {
        assertThat(ResourceTypes.isProvider("pulumi:providers:gcp")).isTrue();
        assertThat(ResourceTypes.isProvider("pulumi:providers:random")).isTrue();
        assertThat(ResourceTypes.isProvider(ResourceTypes.STACK)).isFalse();
        assertThat(ResourceTypes.isProvider(ResourceTypes.JOB)).isFalse();
    }

    @Test
    void bothOfOurComponentsShareTheComponentPackageAndNoGcpTypeIsInIt() {
        assertThat(ScheduledPipeline.TYPE).isEqualTo("cqc:scheduler:ScheduledPipeline");
        assertThat(ResourceTypes.isComponent(ScheduledPipeline.TYPE)).isTrue();
        assertThat(ResourceTypes.isComponent(FailureAlerting.TYPE)).isTrue();
        assertThat(ResourceTypes.isComponent(ResourceTypes.JOB)).isFalse();
        assertThat(ResourceTypes.isComponent(ResourceTypes.STACK)).isFalse();
        assertThat(ResourceTypes.isComponent("cqcx:scheduler:Other")).isFalse();
    }
}
