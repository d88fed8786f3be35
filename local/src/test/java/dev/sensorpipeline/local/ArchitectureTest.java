package dev.sensorpipeline.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * local/'s packages depend downward only: the runner's wiring ({@code runner}) on its parts, the parts on what is
 * below them, what two of them share in a package below both ({@code runner.base}, {@code runner.stream}); and
 * local/ runs functions from their jars, so it never uses their code. A cycle, or a part reaching back up to the
 * wiring, fails here.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sensorpipeline.local");

    @Test
    void packages_areFreeOfCycles() {
        // given local's main classes; when / then
        slices().matching("dev.sensorpipeline.local.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void runnersPackages_areFreeOfCycles() {
        // given local's main classes; when / then
        slices().matching("dev.sensorpipeline.local.runner.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void runnersParts_neverDependOnTheRunnersWiring() {
        // given local's main classes; when / then
        noClasses().that().resideInAPackage("dev.sensorpipeline.local.runner.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.sensorpipeline.local.runner")
                .check(MAIN_CLASSES);
    }

    @Test
    void subPackages_neverDependOnTheCommandLinesPackage() {
        // given local's main classes; when / then
        noClasses().that().resideInAPackage("dev.sensorpipeline.local.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.sensorpipeline.local")
                .check(MAIN_CLASSES);
    }

    @Test
    void local_neverUsesTheCodeOfTheFunctionsOrTheTools() {
        // given local's main classes; when / then: it runs the function's jar, as Lambda does
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.sensorpipeline.ingest..", "dev.sensorpipeline.producer..",
                        "dev.sensorpipeline.testkit..", "dev.sensorpipeline.benchmarks..")
                .check(MAIN_CLASSES);
    }
}
