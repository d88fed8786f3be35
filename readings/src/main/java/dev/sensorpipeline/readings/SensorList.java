package dev.sensorpipeline.readings;

import java.util.List;
import picocli.CommandLine.Parameters;

/** {@code SENSOR...}: the sensors a command summarises or charts, one at least. */
final class SensorList {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SENSOR", description = "The sensors' ids.")
    List<String> sensorIds;
}
