package com.cqc.scheduler.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target, Auth and Invoker are closed families (sealed interfaces of records). A new variant first stops
 * every {@code match} call and every switch over {@link Target.Kind} from compiling; these tests catch
 * what the compiler cannot: a record without a sample here, a record that dispatches to another
 * variant's function, and Kinds that do not pair one to one with the records.
 */
class TargetFamilyTest {
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final List<Target> TARGETS = List.of(
            new Target.Http("https://x.example", HttpMethod.POST, Optional.empty(), Map.of(), new Auth.Oidc("a"),
                    new Invoker.None(), DEADLINE),
            new Target.Pubsub("t", true, Optional.empty(), Map.of("a", "1")),
            new Target.AppEngine("/t", HttpMethod.POST, Optional.empty(), Map.of(),
                    new Target.Routing(Optional.empty(), Optional.empty(), Optional.empty()), DEADLINE));
    private static final List<Auth> AUTHS = List.of(new Auth.Oidc("a"), new Auth.OAuth(Auth.CLOUD_PLATFORM_SCOPE),
            new Auth.None());
    private static final List<Invoker> INVOKERS = List.of(new Invoker.CloudRunService("svc"),
            new Invoker.ProjectRole("roles/workflows.invoker"), new Invoker.None());

    @Test
    void everyPermittedVariantHasASampleHere() {
        assertThat(TARGETS).extracting(Object::getClass).containsExactlyInAnyOrder(Target.class.getPermittedSubclasses());
        assertThat(AUTHS).extracting(Object::getClass).containsExactlyInAnyOrder(Auth.class.getPermittedSubclasses());
        assertThat(INVOKERS).extracting(Object::getClass).containsExactlyInAnyOrder(Invoker.class.getPermittedSubclasses());
    }

    @Test
    void matchCallsTheFunctionOfTheVariantItself() {
        for (Target t : TARGETS) {
            assertThat(t.<Class<?>>match(h -> Target.Http.class, p -> Target.Pubsub.class, a -> Target.AppEngine.class))
                    .isEqualTo(t.getClass());
        }
        for (Auth a : AUTHS) {
            assertThat(a.<Class<?>>match(o -> Auth.Oidc.class, o -> Auth.OAuth.class, n -> Auth.None.class))
                    .isEqualTo(a.getClass());
        }
        for (Invoker i : INVOKERS) {
            assertThat(i.<Class<?>>match(r -> Invoker.CloudRunService.class, r -> Invoker.ProjectRole.class,
                    n -> Invoker.None.class)).isEqualTo(i.getClass());
        }
    }

    @Test
    void eachTargetRecordHasAKindOfItsOwnAndEachKindARecord() {
        assertThat(TARGETS).extracting(Target::kind).containsExactly(Target.Kind.values());
    }

    @Test
    void theKindsAreTheOneListOfCatalogKeysApiFieldsAndLabels() {
        assertThat(Target.Kind.catalogKeys()).containsExactly("http", "pubsub", "appEngine");
        assertThat(Arrays.stream(Target.Kind.values()).map(Target.Kind::apiField))
                .containsExactly("httpTarget", "pubsubTarget", "appEngineHttpTarget");
        assertThat(Arrays.stream(Target.Kind.values()).map(Target.Kind::label))
                .containsExactly("http", "pubsub", "appengine");
    }

    @Test
    void onlyOidcAndOAuthSendAToken() {
        assertThat(AUTHS).extracting(Auth::sendsToken).containsExactly(true, true, false);
    }
}
