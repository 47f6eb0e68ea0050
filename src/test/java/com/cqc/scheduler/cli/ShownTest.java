package com.cqc.scheduler.cli;

import com.cqc.scheduler.config.Secrets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A header or attribute named for a credential is masked whatever it holds; an innocent one stays as written. */
class ShownTest {
    @ParameterizedTest
    @CsvSource({"httpTarget, headers, X-Api-Key", "appEngineHttpTarget, headers, Cookie", "pubsubTarget, attributes, token",
            "pubsubTarget, attributes, db_password"})
    void aCredentialsNameMasksItsValueEverywhereItIsShown(String target, String names, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(name, "short");
        values.put("Accept", "text/plain");
        Map<String, Object> props = Map.of(target, Map.of(names, values));

        assertThat(Shown.props(props).get(target)).isEqualTo(Map.of(names, Map.of(name, Secrets.MASK, "Accept", "text/plain")));
        assertThat(Shown.value(target, props.get(target))).isEqualTo(Shown.props(props).get(target));
        assertThat(Shown.leaf(target + "." + names + "." + name, "short")).isEqualTo(Secrets.MASK);
        assertThat(Shown.leaf(target + "." + names + ".Accept", "text/plain")).isEqualTo("text/plain");
    }
}
