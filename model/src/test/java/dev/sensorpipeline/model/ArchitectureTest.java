package dev.sensorpipeline.model;

import dev.sensorpipeline.testkit.PackageFences;
import org.junit.jupiter.api.Test;

/**
 * {@code model/} is the floor: its packages form no cycle and use no other module of the project. The
 * sub-packages (the KPL codec, the event writer, the retry timing) stand alone, so the reading's package may use
 * them and never the other way round.
 */
class ArchitectureTest {

    private static final PackageFences MODEL = PackageFences.of("dev.sensorpipeline.model");

    @Test
    void packages_areFreeOfCycles() {
        // given model's main classes; when / then
        MODEL.packagesAreFreeOfCycles();
    }

    @Test
    void subPackages_neverDependOnTheReadingsPackage() {
        // given model's main classes; when / then
        MODEL.subPackagesNeverDependOnTheRoot();
    }

    @Test
    void model_dependsOnNoOtherModule() {
        // given model's main classes; when / then
        MODEL.dependOnNoneOf("dev.sensorpipeline.ingest..", "dev.sensorpipeline.producer..",
                "dev.sensorpipeline.local..", "dev.sensorpipeline.testkit..", "dev.sensorpipeline.benchmarks..",
                "dev.sensorpipeline.cost..", "dev.sensorpipeline.alerts..");
    }
}
