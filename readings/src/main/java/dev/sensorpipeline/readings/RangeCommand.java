package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.format.ReadingsWriter;
import dev.sensorpipeline.readings.query.TimeRange;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code range SENSOR}: every reading of a sensor in a time range, oldest first, through the table's key. */
@Command(name = "range", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Every reading of SENSOR with from <= CurrentTime <= to, oldest first, across all of "
                + "DynamoDB's pages (a Query on the table's key, never a scan).")
final class RangeCommand implements Callable<Integer> {

    @ParentCommand
    private ReadingsCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SENSOR", description = "The sensor's id.")
    private String sensorId;

    @Mixin
    private RangeOptions rangeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = Converters.FormatConverter.class,
            description = "table, csv (sensor_id,current_time,temperature,humidity) or json (one wire-format "
                    + "object a line); default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private TableOptions tableOptions;

    @Override
    public Integer call() {
        TimeRange range = rangeOptions.range(spec);
        return TableSession.run(parent.dependencies(), tableOptions, spec.commandLine().getErr(), table -> {
            List<SensorReading> readings = table.range(sensorId, range);
            if (readings.isEmpty()) {
                TableSession.noReadings(spec.commandLine().getErr(), sensorId, table, range);
            }
            if (!readings.isEmpty() || format == Format.CSV) {
                new ReadingsWriter().write(readings, format, spec.commandLine().getOut());
            }
            return ExitCode.OK;
        });
    }
}
