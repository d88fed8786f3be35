package dev.sensorpipeline.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * {@code model/} is the floor: its packages form no cycle and use no other module of the project. The
 * sub-packages (the KPL codec, the retry timing) stand alone, so the reading's package may use them and never the
 * other way round.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sensorpipeline.model");

    @Test
    void packages_areFreeOfCycles() {
        // given model's main classes; when / then
        slices().matching("dev.sensorpipeline.model.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void subPackages_neverDependOnTheReadingsPackage() {
        // given model's main classes; when / then
        noClasses().that().resideInAPackage("dev.sensorpipeline.model.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.sensorpipeline.model")
                .check(MAIN_CLASSES);
    }

    @Test
    void model_dependsOnNoOtherModule() {
        // given model's main classes; when / then
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.sensorpipeline.ingest..", "dev.sensorpipeline.producer..",
                        "dev.sensorpipeline.local..", "dev.sensorpipeline.testkit..",
                        "dev.sensorpipeline.benchmarks..", "dev.sensorpipeline.cost..")
                .check(MAIN_CLASSES);
    }
}
