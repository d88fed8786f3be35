package dev.sensorpipeline.readings.stats;

import java.util.Objects;

/**
 * The statistics of one sensor in one time bucket (or over the whole range).
 *
 * @param sensorId    the sensor
 * @param bucketStart the bucket's start in Unix seconds; the range's start when not bucketed
 * @param temperature the temperatures' summary; {@code count} is the bucket's number of readings
 * @param humidity    the humidities' summary, or {@code null} when no reading of the bucket has one
 */
public record BucketStats(String sensorId, long bucketStart, Summary temperature, Summary humidity) {

    public BucketStats {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(temperature, "temperature");
    }

    /** The number of readings in the bucket. */
    public long count() {
        return temperature.count();
    }
}
