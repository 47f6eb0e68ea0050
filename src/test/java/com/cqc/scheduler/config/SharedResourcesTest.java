package com.cqc.scheduler.config;

import com.cqc.scheduler.model.Problem;
import com.cqc.scheduler.model.StackModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.cqc.scheduler.config.Stacks.HTTP;
import static com.cqc.scheduler.config.Stacks.PUBSUB;
import static com.cqc.scheduler.config.Stacks.errors;
import static com.cqc.scheduler.config.Stacks.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pipeline owns its invoker service account and the topic it creates (R11.1, R7.2): two pipelines
 * that would share one are an error on the second, naming the first, so neither grant nor topic is
 * silently shared or fought over by two resources.
 */
class SharedResourcesTest {

    private static String twoPipelines(String a, String b, String bodyA, String bodyB) {
        return "pipelines:\n  " + a + ":\n" + bodyA.indent(4) + "  " + b + ":\n" + bodyB.indent(4);
    }

    @Test
    void twoPipelinesNamingOneInvokerAccountIsAnErrorOnTheSecond() {
        String http = HTTP + "serviceAccount: shared-invoker\n";

        List<Problem> errors = errors(twoPipelines("first", "second", http, http));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.second.serviceAccount");
            assertThat(p.message()).contains("'shared-invoker'", "first");
            assertThat(p.rule()).isEqualTo("R11.1");
        });
    }

    @Test
    void idsThatDifferOnlyInCaseOrUnderscoreDeriveTheSameAccountAndAreAnError() {
        List<Problem> errors = errors(twoPipelines("daily_sync", "daily-sync", HTTP, HTTP));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.daily-sync.serviceAccount");
            assertThat(p.message()).contains("'sch-daily-sync'", "daily_sync");
        });
    }

    @Test
    void pipelinesWithTheirOwnAccountsLoad() {
        StackModel model = load(twoPipelines("first", "second", HTTP, HTTP), "");

        assertThat(model.pipelines()).extracting(p -> p.serviceAccountId().orElseThrow())
                .containsExactly("sch-first", "sch-second");
    }

    @Test
    void twoPipelinesCreatingOneTopicIsAnErrorButPublishingToAnExistingOneIsNot() {
        List<Problem> errors = errors(twoPipelines("first", "second", PUBSUB, PUBSUB));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pipelines.second.pubsub.topic");
            assertThat(p.message()).contains("'ingest'", "first", "existingTopic");
            assertThat(p.rule()).isEqualTo("R7.2");
        });

        String existing = PUBSUB.replace("topic:", "existingTopic:");
        assertThat(load(twoPipelines("first", "second", existing, existing), "").pipelines()).hasSize(2);
    }
}
