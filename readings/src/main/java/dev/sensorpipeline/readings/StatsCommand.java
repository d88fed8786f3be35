package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.format.StatsWriter;
import dev.sensorpipeline.readings.query.TimeRange;
import dev.sensorpipeline.readings.stats.Bucket;
import dev.sensorpipeline.readings.stats.BucketStats;
import dev.sensorpipeline.readings.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stats SENSOR...}: count, min, max, mean per sensor and bucket, exactly. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per sensor and time bucket (aligned to the epoch, in UTC), the count, min, max and mean of "
                + "temperature and of humidity; without --bucket, one row per sensor over the whole range, "
                + "its bucket_start the range's start (--from, else the sensor's first reading).",
            "Exact decimal arithmetic: min and max as stored, the mean rounded half-even to the data's largest "
                    + "scale plus two digits. Humidity fields are empty when a bucket has none."})
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    private ReadingsCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SENSOR", description = "The sensors' ids.")
    private List<String> sensorIds;

    @Mixin
    private RangeOptions rangeOptions;

    @Option(names = "--bucket", paramLabel = "WIDTH", converter = Converters.BucketConverter.class,
            description = "1m, 5m, 1h or 1d (default: none, one row per sensor).")
    private Bucket bucket;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = Converters.FormatConverter.class,
            description = "table, csv or json (the CSV header's names); default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private TableOptions tableOptions;

    @Override
    public Integer call() {
        TimeRange range = rangeOptions.range(spec);
        return TableSession.run(parent.dependencies(), tableOptions, spec.commandLine().getErr(), table -> {
            List<BucketStats> rows = new ArrayList<>();
            for (String sensorId : sensorIds) {
                List<SensorReading> readings = table.range(sensorId, range);
                if (readings.isEmpty()) {
                    TableSession.noReadings(spec.commandLine().getErr(), sensorId, table, range);
                    continue;
                }
                long start = range.from() != null ? range.from() : readings.get(0).currentTime();
                rows.addAll(Statistics.of(sensorId, readings, Optional.ofNullable(bucket), start));
            }
            if (!rows.isEmpty() || format == Format.CSV) {
                new StatsWriter().write(rows, format, spec.commandLine().getOut());
            }
            return ExitCode.OK;
        });
    }
}
