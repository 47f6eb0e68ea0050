package com.cqc.scheduler;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every test runs in {@code mvn test}, which is what CI runs: Surefire (not configured in pom.xml) only
 * picks up classes named {@code Test*}, {@code *Test}, {@code *Tests} or {@code *TestCase}, and silently
 * skips the rest (jqwik properties in a class named {@code CatalogProperties} never ran).
 */
@AnalyzeClasses(packages = "com.cqc.scheduler", importOptions = ImportOption.OnlyIncludeTests.class)
class TestClassNamesTest {
    /** Surefire's default includes, on the simple name of a top-level class. */
    static final Pattern SUREFIRE_DEFAULT = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    private static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate", "net.jqwik.api.Property",
            "net.jqwik.api.Example", "com.tngtech.archunit.junit.ArchTest");

    @ArchTest
    static final ArchRule everyClassWithTestsHasANameSurefireRuns = classes().that(declareTests())
            .should(beInATopLevelClassNamed(SUREFIRE_DEFAULT))
            .because("mvn test skips a class Surefire's default includes do not match, without a word");

    private static DescribedPredicate<JavaClass> declareTests() {
        return DescribedPredicate.describe("declare test methods or rules", c -> c.getMembers().stream()
                .anyMatch(m -> TEST_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith)));
    }

    private static ArchCondition<JavaClass> beInATopLevelClassNamed(Pattern names) {
        return new ArchCondition<>("be in a top-level class named " + names.pattern()) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                boolean runs = names.matcher(top.getSimpleName()).matches();
                events.add(new SimpleConditionEvent(c, runs, c.getName() + (runs ? " runs" : " is skipped by Surefire:"
                        + " rename " + top.getSimpleName() + " to end in Test")));
            }
        };
    }
}
