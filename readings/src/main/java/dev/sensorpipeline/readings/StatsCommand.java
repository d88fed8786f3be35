package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.format.Format;
import dev.sensorpipeline.readings.format.StatsWriter;
import dev.sensorpipeline.readings.query.ReadingsTable;
import dev.sensorpipeline.readings.query.TimeRange;
import dev.sensorpipeline.readings.stats.Bucket;
import dev.sensorpipeline.readings.stats.BucketStats;
import dev.sensorpipeline.readings.stats.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stats SENSOR...}: count, min, max, mean per sensor and bucket, exactly. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per sensor and time bucket (aligned to the epoch, in UTC), the count, min, max and mean of "
                + "temperature and of humidity; without --bucket, one row per sensor over the whole range, "
                + "its bucket_start the range's start (--from, else the sensor's first reading).",
            "Exact decimal arithmetic: min and max as stored, the mean rounded half-even to the data's largest "
                    + "scale plus two digits. Humidity fields are empty when a bucket has none.",
            "CSV and JSON under the names sensor_id, bucket_start, count, temperature_min, temperature_max, "
                    + "temperature_mean, humidity_min, humidity_max, humidity_mean."})
final class StatsCommand extends TableCommand {

    @Mixin
    private SensorList sensors;

    @Option(names = "--bucket", paramLabel = "WIDTH", converter = Converters.BucketConverter.class,
            description = "1m, 5m, 1h or 1d (default: none, one row per sensor).")
    private Bucket bucket;

    @Mixin
    private FormatOption format;

    @Override
    int run(ReadingsTable table, TimeRange range) {
        List<BucketStats> rows = new ArrayList<>();
        for (Map.Entry<String, List<SensorReading>> sensor : readingsOf(sensors.sensorIds, table, range).entrySet()) {
            List<SensorReading> readings = sensor.getValue();
            if (!readings.isEmpty()) {
                long start = range.from() != null ? range.from() : readings.get(0).currentTime();
                rows.addAll(Statistics.of(sensor.getKey(), readings, Optional.ofNullable(bucket), start));
            }
        }
        if (!rows.isEmpty() || format.format == Format.CSV) {
            new StatsWriter().write(rows, format.format, out());
        }
        return ExitCode.OK;
    }
}
