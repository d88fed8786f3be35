package dev.sensorpipeline.readings.chart;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.stats.BucketStats;
import java.util.List;
import java.util.Objects;

/**
 * One sensor on the chart.
 *
 * @param sensorId the sensor
 * @param points   its points, oldest first
 * @param overall  its statistics over the whole range: the legend's min, max and mean
 * @param last     its latest reading: the legend's last
 */
public record SensorSeries(String sensorId, List<Point> points, BucketStats overall, SensorReading last) {

    public SensorSeries {
        Objects.requireNonNull(sensorId, "sensorId");
        points = List.copyOf(points);
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(last, "last");
    }

    /** Whether any point carries a humidity: the chart then has a second axis. */
    public boolean hasHumidity() {
        return points.stream().anyMatch(p -> p.humidity() != null);
    }
}
