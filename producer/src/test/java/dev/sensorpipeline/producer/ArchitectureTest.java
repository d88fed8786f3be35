package dev.sensorpipeline.producer;

import dev.sensorpipeline.testkit.PackageFences;
import org.junit.jupiter.api.Test;

/**
 * The producer's packages depend downward only: the command (this package) wires the fleet, the delivery, the
 * Kinesis sinks and the output, which never reach back up to it; and a tool stands on {@code model/} alone.
 */
class ArchitectureTest {

    private static final PackageFences PRODUCER = PackageFences.of("dev.sensorpipeline.producer");

    @Test
    void packages_areFreeOfCycles() {
        // given the producer's main classes; when / then
        PRODUCER.packagesAreFreeOfCycles();
    }

    @Test
    void subPackages_neverDependOnTheCommandsPackage() {
        // given the producer's main classes; when / then
        PRODUCER.subPackagesNeverDependOnTheRoot();
    }

    @Test
    void producer_dependsOnNoFunctionOrOtherTool() {
        // given the producer's main classes; when / then
        PRODUCER.dependOnNoneOf("dev.sensorpipeline.ingest..", "dev.sensorpipeline.local..",
                "dev.sensorpipeline.testkit..", "dev.sensorpipeline.benchmarks..", "dev.sensorpipeline.cost..");
    }
}
