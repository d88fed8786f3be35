package dev.sensorpipeline.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The function's packages depend downward only: the handler on the batch, the batch on the store, and what two of
 * them share in a package below both. A cycle, or a package reaching back up to the handler, fails here.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sensorpipeline.ingest");

    @Test
    void packages_areFreeOfCycles() {
        // given the function's main classes; when / then
        slices().matching("dev.sensorpipeline.ingest.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void subPackages_neverDependOnTheHandlersPackage() {
        // given the function's main classes; when / then
        noClasses().that().resideInAPackage("dev.sensorpipeline.ingest.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.sensorpipeline.ingest")
                .check(MAIN_CLASSES);
    }

    @Test
    void function_neverDependsOnTheTools() {
        // given the function's main classes; when / then: tools stand on model, never the function on them
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.sensorpipeline.producer..", "dev.sensorpipeline.local..",
                        "dev.sensorpipeline.testkit..", "dev.sensorpipeline.benchmarks..")
                .check(MAIN_CLASSES);
    }
}
