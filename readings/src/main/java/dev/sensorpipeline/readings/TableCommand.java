package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.format.ReadingsWriter;
import dev.sensorpipeline.readings.query.DynamoDbConnector;
import dev.sensorpipeline.readings.query.QueryProgress;
import dev.sensorpipeline.readings.query.ReadingsTable;
import dev.sensorpipeline.readings.query.TimeRange;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand does around its queries: the time range checked, the client built once from the table's
 * options, the consumed capacity said with --verbose (also when a query failed midway), the client closed; and a
 * line on stderr for each sensor without readings in the range.
 */
abstract class TableCommand implements Callable<Integer> {

    @ParentCommand
    private ReadingsCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RangeOptions rangeOptions;

    @Mixin
    private TableOptions tableOptions;

    /** The subcommand's own checks of its arguments, before any query; throws a ParameterException. */
    void checkArguments() {
    }

    /** The subcommand's queries and output; returns its exit code. */
    abstract int run(ReadingsTable table, TimeRange range);

    @Override
    public final Integer call() {
        checkArguments();
        TimeRange range = rangeOptions.range(spec);
        DynamoDbConnector.Connection connection = dependencies().connector().apply(tableOptions.settings());
        ReadingsTable table = new ReadingsTable(connection.client(), tableOptions.table, connection.where(),
                new QueryProgress(err(), dependencies().nanoClock()));
        try {
            return run(table, range);
        } finally {
            if (tableOptions.verbose) {
                err().println(table.capacity().describe(tableOptions.table));
                err().flush();
            }
            connection.client().close();
        }
    }

    /** Each sensor's readings in {@code range}, in the order given, saying which have none. */
    final Map<String, List<SensorReading>> readingsOf(List<String> sensorIds, ReadingsTable table,
            TimeRange range) {
        Map<String, List<SensorReading>> bySensor = new LinkedHashMap<>();
        for (String sensorId : sensorIds) {
            List<SensorReading> readings = table.range(sensorId, range);
            if (readings.isEmpty()) {
                noReadings(sensorId, table, range);
            }
            bySensor.put(sensorId, readings);
        }
        return bySensor;
    }

    /** Prints one sensor's readings; none is said on stderr (a CSV still gets its header). */
    final int print(List<SensorReading> readings, String sensorId, Format format, ReadingsTable table,
            TimeRange range) {
        if (readings.isEmpty()) {
            noReadings(sensorId, table, range);
        }
        if (!readings.isEmpty() || format == Format.CSV) {
            new ReadingsWriter().write(readings, format, out());
        }
        return ExitCode.OK;
    }

    final CommandSpec spec() {
        return spec;
    }

    final Dependencies dependencies() {
        return parent.dependencies();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private void noReadings(String sensorId, ReadingsTable table, TimeRange range) {
        err().println("no readings of '" + sensorId + "' in " + table.tableName() + RangeOptions.describe(range));
        err().flush();
    }
}
