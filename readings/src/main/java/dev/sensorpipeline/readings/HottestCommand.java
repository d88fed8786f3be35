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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hottest SENSOR}: the N hottest (or coldest) readings, through TemperatureIndex. */
@Command(name = "hottest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The N hottest readings of SENSOR (with --coldest, the coldest), hottest first: a Query on "
                + "TemperatureIndex in descending order with Limit, not a sort of every reading. With a time "
                + "range, pages are read until N readings in it are found.")
final class HottestCommand implements Callable<Integer> {

    /** Far more than a person reads; a Query page holds at most 1 MB anyway. */
    static final int MAX_N = 100_000;

    @ParentCommand
    private ReadingsCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SENSOR", description = "The sensor's id.")
    private String sensorId;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10",
            description = "How many readings (1.." + MAX_N + "; default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--coldest", description = "The coldest readings instead, coldest first.")
    private boolean coldest;

    @Mixin
    private RangeOptions rangeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = Converters.FormatConverter.class,
            description = "table, csv or json, as for range; default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private TableOptions tableOptions;

    @Override
    public Integer call() {
        if (n < 1 || n > MAX_N) {
            throw new ParameterException(spec.commandLine(), "-n must be between 1 and " + MAX_N + ", not " + n);
        }
        TimeRange range = rangeOptions.range(spec);
        return TableSession.run(parent.dependencies(), tableOptions, spec.commandLine().getErr(), table -> {
            List<SensorReading> readings = table.extremes(sensorId, n, !coldest, range);
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
