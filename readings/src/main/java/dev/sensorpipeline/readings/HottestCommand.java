package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.ReadingsTable;
import dev.sensorpipeline.readings.query.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code hottest SENSOR}: the N hottest (or coldest) readings, through TemperatureIndex. */
@Command(name = "hottest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The N hottest readings of SENSOR (with --coldest, the coldest), hottest first: a Query on "
                + "TemperatureIndex in descending order with Limit, not a sort of every reading. With a time "
                + "range, pages are read until N readings in it are found.",
            "The columns as for range."})
final class HottestCommand extends TableCommand {

    /** Far more than a person reads; a Query page holds at most 1 MB anyway. */
    static final int MAX_N = 100_000;

    @Parameters(index = "0", paramLabel = "SENSOR", description = "The sensor's id.")
    private String sensorId;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10",
            description = "How many readings (1.." + MAX_N + "; default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--coldest", description = "The coldest readings instead, coldest first.")
    private boolean coldest;

    @Mixin
    private FormatOption format;

    @Override
    void checkArguments() {
        if (n < 1 || n > MAX_N) {
            throw new ParameterException(spec().commandLine(), "-n must be between 1 and " + MAX_N + ", not " + n);
        }
    }

    @Override
    int run(ReadingsTable table, TimeRange range) {
        return print(table.extremes(sensorId, n, !coldest, range), sensorId, format.format, table, range);
    }
}
