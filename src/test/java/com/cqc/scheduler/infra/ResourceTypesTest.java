package com.cqc.scheduler.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens read from the SDK's annotations are the ones the engine, the state files and the policy pack
 * spell: an SDK that renamed one fails here first.
 */
class ResourceTypesTest {

    @Test
    void theGcpTokensAreTheSdksAsTheStateSpellsThem() {
        assertThat(ResourceTypes.JOB).isEqualTo("gcp:cloudscheduler/job:Job");
        assertThat(ResourceTypes.TOPIC).isEqualTo("gcp:pubsub/topic:Topic");
        assertThat(ResourceTypes.TOPIC_IAM_MEMBER).isEqualTo("gcp:pubsub/topicIAMMember:TopicIAMMember");
        assertThat(ResourceTypes.SERVICE_ACCOUNT).isEqualTo("gcp:serviceaccount/account:Account");
        assertThat(ResourceTypes.CLOUD_RUN_IAM_MEMBER).isEqualTo("gcp:cloudrunv2/serviceIamMember:ServiceIamMember");
        assertThat(ResourceTypes.PROJECT_IAM_MEMBER).isEqualTo("gcp:projects/iAMMember:IAMMember");
        assertThat(ResourceTypes.PROJECT_SERVICE).isEqualTo("gcp:projects/service:Service");
        assertThat(ResourceTypes.LOG_METRIC).isEqualTo("gcp:logging/metric:Metric");
        assertThat(ResourceTypes.NOTIFICATION_CHANNEL).isEqualTo("gcp:monitoring/notificationChannel:NotificationChannel");
        assertThat(ResourceTypes.ALERT_POLICY).isEqualTo("gcp:monitoring/alertPolicy:AlertPolicy");
        assertThat(ResourceTypes.GCP_PROVIDER).isEqualTo("pulumi:providers:gcp");
        assertThat(ResourceTypes.STACK).isEqualTo("pulumi:pulumi:Stack");
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
