package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.DynamoDbConnector;
import dev.sensorpipeline.readings.query.QueryProgress;
import dev.sensorpipeline.readings.query.ReadingsTable;
import java.io.PrintWriter;

/**
 * One command's use of the table: the client built once, the queries run, the consumed capacity said with
 * --verbose (also when a query failed midway), the client closed.
 */
final class TableSession {

    /** The work a subcommand does with the table; returns its exit code. */
    interface Work {
        int run(ReadingsTable table);
    }

    private TableSession() {
    }

    static int run(Dependencies dependencies, TableOptions options, PrintWriter err, Work work) {
        DynamoDbConnector.Connection connection = dependencies.connector().apply(options.settings());
        ReadingsTable table = new ReadingsTable(connection.client(), options.table, connection.where(),
                new QueryProgress(err, dependencies.nanoClock()));
        try {
            return work.run(table);
        } finally {
            if (options.verbose) {
                err.println(table.capacity().describe(options.table));
                err.flush();
            }
            connection.client().close();
        }
    }

    /** Says on stderr that a sensor has no readings in the range. */
    static void noReadings(PrintWriter err, String sensorId, ReadingsTable table,
            dev.sensorpipeline.readings.query.TimeRange range) {
        err.println("no readings of '" + sensorId + "' in " + table.tableName() + RangeOptions.describe(range));
        err.flush();
    }
}
