package dev.sensorpipeline.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of one sensor: the book's {@code {"sensor_id", "current_time", "temperature"}} plus the optional
 * humidity of the chapter's homework.
 *
 * <p>Numbers are {@link BigDecimal} so that a reading keeps its value exactly as written on the wire: 73.2 stays
 * 73.2, never the nearest double.
 *
 * @param sensorId    the sensor's id, the DynamoDB hash key
 * @param currentTime Unix time in seconds, the DynamoDB range key
 * @param temperature the temperature, exactly as written
 * @param humidity    relative humidity in percent, or {@code null} when the sensor does not report it
 */
public record SensorReading(String sensorId, long currentTime, BigDecimal temperature, BigDecimal humidity) {

    public SensorReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(temperature, "temperature");
    }

    /** A reading without humidity. */
    public static SensorReading of(String sensorId, long currentTime, BigDecimal temperature) {
        return new SensorReading(sensorId, currentTime, temperature, null);
    }

    /** The humidity, when the sensor reported one. */
    public Optional<BigDecimal> humidityIfPresent() {
        return Optional.ofNullable(humidity);
    }

    /** The reading's key in {@code SensorData}: two readings with equal keys are the same item. */
    public ReadingKey key() {
        return new ReadingKey(sensorId, currentTime);
    }
}
