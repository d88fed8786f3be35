package dev.sensorpipeline.ingest;

import dev.sensorpipeline.testkit.PackageFences;
import org.junit.jupiter.api.Test;

/**
 * The function's packages depend downward only: the handler on the batch, the batch on the store, and what two of
 * them share in a package below both. A cycle, or a package reaching back up to the handler, fails here.
 */
class ArchitectureTest {

    private static final PackageFences FUNCTION = PackageFences.of("dev.sensorpipeline.ingest");

    @Test
    void packages_areFreeOfCycles() {
        // given the function's main classes; when / then
        FUNCTION.packagesAreFreeOfCycles();
    }

    @Test
    void subPackages_neverDependOnTheHandlersPackage() {
        // given the function's main classes; when / then
        FUNCTION.subPackagesNeverDependOnTheRoot();
    }

    @Test
    void function_neverDependsOnTheTools() {
        // given the function's main classes; when / then: tools stand on model, never the function on them
        FUNCTION.dependOnNoneOf("dev.sensorpipeline.producer..", "dev.sensorpipeline.local..",
                "dev.sensorpipeline.testkit..", "dev.sensorpipeline.benchmarks..", "dev.sensorpipeline.alerts..");
    }
}
