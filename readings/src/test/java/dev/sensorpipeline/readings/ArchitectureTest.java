package dev.sensorpipeline.readings;

import dev.sensorpipeline.testkit.PackageFences;
import org.junit.jupiter.api.Test;

/**
 * The read side's packages depend downward only: the command (this package) wires query, stats, format and chart,
 * which never reach back up to it; and a tool stands on {@code model/} alone.
 */
class ArchitectureTest {

    private static final PackageFences READINGS = PackageFences.of("dev.sensorpipeline.readings");

    @Test
    void packages_areFreeOfCycles() {
        // given the read side's main classes; when / then
        READINGS.packagesAreFreeOfCycles();
    }

    @Test
    void subPackages_neverDependOnTheCommandsPackage() {
        // given the read side's main classes; when / then
        READINGS.subPackagesNeverDependOnTheRoot();
    }

    @Test
    void readings_dependsOnNoFunctionOrOtherTool() {
        // given the read side's main classes; when / then
        READINGS.dependOnNoneOf("dev.sensorpipeline.ingest..", "dev.sensorpipeline.alerts..",
                "dev.sensorpipeline.local..", "dev.sensorpipeline.producer..", "dev.sensorpipeline.testkit..",
                "dev.sensorpipeline.benchmarks..", "dev.sensorpipeline.cost..");
    }
}
