package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.query.ReadingsTable;
import dev.sensorpipeline.readings.query.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code range SENSOR}: every reading of a sensor in a time range, oldest first, through the table's key. */
@Command(name = "range", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every reading of SENSOR with from <= CurrentTime <= to, oldest first, across all of "
                + "DynamoDB's pages (a Query on the table's key, never a scan).",
            "CSV: sensor_id,current_time,temperature,humidity; JSON: one wire-format object a line."})
final class RangeCommand extends TableCommand {

    @Parameters(index = "0", paramLabel = "SENSOR", description = "The sensor's id.")
    private String sensorId;

    @Mixin
    private FormatOption format;

    @Override
    int run(ReadingsTable table, TimeRange range) {
        return print(table.range(sensorId, range), sensorId, format.format, table, range);
    }
}
