package dev.sensorpipeline.alerts;

import dev.sensorpipeline.testkit.PackageFences;
import org.junit.jupiter.api.Test;

/**
 * The alerts function's packages depend downward only: the handler's package wires batch, which stands on record,
 * store, config and rules; none reaches back up. And it shares with the ingest function through model/ only.
 */
class ArchitectureTest {

    private static final PackageFences FUNCTION = PackageFences.of("dev.sensorpipeline.alerts");

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
    void function_neverDependsOnTheOtherFunctionOrTheTools() {
        // given the function's main classes; when / then
        FUNCTION.dependOnNoneOf("dev.sensorpipeline.ingest..", "dev.sensorpipeline.producer..",
                "dev.sensorpipeline.readings..", "dev.sensorpipeline.local..", "dev.sensorpipeline.testkit..",
                "dev.sensorpipeline.benchmarks..", "dev.sensorpipeline.cost..");
    }
}
