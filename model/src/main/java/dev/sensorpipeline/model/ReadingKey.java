package dev.sensorpipeline.model;

/**
 * The primary key of a reading's item: {@code SensorId} and {@code CurrentTime}.
 *
 * @param sensorId    the hash key
 * @param currentTime the range key, Unix seconds
 */
public record ReadingKey(String sensorId, long currentTime) {
}
