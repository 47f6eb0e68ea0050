package com.cqc.scheduler;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The direction of README and the package-info files, on the compiled main classes: a package imports only
 * the ones to its right; App, the entry point in the root package, may import them all and none imports it.
 * The loader, the model and the schedules stay free of the Pulumi SDK.
 */
@AnalyzeClasses(packages = "com.cqc.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDirectionTest {
    private static final String ROOT = "com.cqc.scheduler";
    /** README's direction, left to right. */
    private static final List<String> DIRECTION = List.of("cli", "adopt", "offline", "infra", "config", "model", "schedule");

    @ArchTest
    static final ArchRule noPackageImportsOneToItsLeft = direction();

    @ArchTest
    static final ArchRule theLoaderTheModelAndTheSchedulesUseNoPulumiClass = noClasses()
            .that().resideInAnyPackage(ROOT + ".config..", ROOT + ".model..", ROOT + ".schedule..")
            .should().dependOnClassesThat().resideInAPackage("com.pulumi..")
            .because("the loader, the model and the cron maths run and are tested without a Pulumi engine;"
                    + " Pulumi's config reaches them through infra.PulumiConfigSource");

    /** Each package may be imported by App and the packages to its left; an empty package fails too. */
    private static ArchRule direction() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy(ROOT);
        for (String name : DIRECTION) {
            layers = layers.layer(name).definedBy(ROOT + "." + name + "..");
        }
        layers = layers.whereLayer("App").mayNotBeAccessedByAnyLayer();
        for (int i = 0; i < DIRECTION.size(); i++) {
            List<String> left = new ArrayList<>(List.of("App"));
            left.addAll(DIRECTION.subList(0, i));
            layers = layers.whereLayer(DIRECTION.get(i)).mayOnlyBeAccessedByLayers(left.toArray(String[]::new));
        }
        return layers.because("README: cli -> adopt -> offline -> infra -> config -> model -> schedule");
    }
}
