package dev.sensorpipeline.readings.chart;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.stats.Bucket;
import dev.sensorpipeline.readings.stats.BucketStats;
import dev.sensorpipeline.readings.stats.Statistics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chart shows, whatever draws it: a series per sensor (its readings, or its buckets' means with their
 * min-max band), the alert thresholds, and each sensor's summary.
 *
 * @param title      the chart's title
 * @param series     one per sensor with readings, in the order asked
 * @param bucket     the bucket the points stand for, or empty when each point is a reading
 * @param alertHigh  the high-temperature alert threshold
 * @param alertLow   the low-temperature alert threshold
 */
public record Chart(String title, List<SensorSeries> series, Optional<Bucket> bucket, BigDecimal alertHigh,
        BigDecimal alertLow) {

    /** The alert functions' default thresholds (ALERT_HIGH_TEMPERATURE, ALERT_LOW_TEMPERATURE). */
    public static final BigDecimal DEFAULT_ALERT_HIGH = new BigDecimal("100");
    public static final BigDecimal DEFAULT_ALERT_LOW = new BigDecimal("-40");

    public Chart {
        Objects.requireNonNull(title, "title");
        series = List.copyOf(series);
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(alertHigh, "alertHigh");
        Objects.requireNonNull(alertLow, "alertLow");
    }

    /**
     * The chart of each sensor's readings (oldest first; sensors without readings are left out), bucketed by
     * {@code bucket} when given.
     */
    public static Chart of(String title, Map<String, List<SensorReading>> bySensor, Optional<Bucket> bucket,
            BigDecimal alertHigh, BigDecimal alertLow) {
        List<SensorSeries> series = new ArrayList<>();
        bySensor.forEach((sensorId, readings) -> {
            if (readings.isEmpty()) {
                return;
            }
            long start = readings.get(0).currentTime();
            BucketStats overall = Statistics.overall(sensorId, readings, start).orElseThrow();
            series.add(new SensorSeries(sensorId, points(sensorId, readings, bucket), overall,
                    readings.get(readings.size() - 1)));
        });
        return new Chart(title, series, bucket, alertHigh, alertLow);
    }

    private static List<Point> points(String sensorId, List<SensorReading> readings, Optional<Bucket> bucket) {
        List<Point> points = new ArrayList<>();
        if (bucket.isEmpty()) {
            for (SensorReading r : readings) {
                points.add(new Point(r.currentTime(), r.temperature(), r.temperature(), r.temperature(),
                        r.humidity()));
            }
            return points;
        }
        for (BucketStats b : Statistics.of(sensorId, readings, bucket, 0)) {
            points.add(new Point(b.bucketStart(), b.temperature().mean(), b.temperature().min(),
                    b.temperature().max(), b.humidity() == null ? null : b.humidity().mean()));
        }
        return points;
    }

    /** Whether any sensor has humidity. */
    public boolean hasHumidity() {
        return series.stream().anyMatch(SensorSeries::hasHumidity);
    }
}
