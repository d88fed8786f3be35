package dev.sensorpipeline.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The fences of docs/MODULES.md for one module's main classes, checked with ArchUnit: each module's
 * {@code ArchitectureTest} names its root package and calls the rules it keeps, one test a rule. A rule broken
 * fails with ArchUnit's list of the dependencies that break it.
 */
public final class PackageFences {

    private final String root;
    private final JavaClasses mainClasses;

    private PackageFences(String root, JavaClasses mainClasses) {
        this.root = root;
        this.mainClasses = mainClasses;
    }

    /** The main classes (not the tests) under {@code rootPackage}, such as {@code dev.sensorpipeline.ingest}. */
    public static PackageFences of(String rootPackage) {
        return new PackageFences(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage));
    }

    /** No two sub-packages of the root use each other, directly or round a loop. */
    public void packagesAreFreeOfCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(mainClasses);
    }

    /** The sub-packages depend downward only: none uses the root package, which wires them. */
    public void subPackagesNeverDependOnTheRoot() {
        noClasses().that().resideInAPackage(root + ".(*)..")
                .should().dependOnClassesThat().resideInAPackage(root)
                .check(mainClasses);
    }

    /** No class uses one of {@code packages}, such as {@code dev.sensorpipeline.local..}: another module's. */
    public void dependOnNoneOf(String... packages) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(packages).check(mainClasses);
    }
}
