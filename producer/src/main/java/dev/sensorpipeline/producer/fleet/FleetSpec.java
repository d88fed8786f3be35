package dev.sensorpipeline.producer.fleet;

import java.util.Objects;

/**
 * What a simulated fleet is: how many sensors, what they are called, how often they read, and the seed and start
 * time that make its readings the same on every run.
 *
 * @param sensors         the number of sensors, ids {@code prefix + 1} to {@code prefix + sensors}
 * @param sensorPrefix    the sensor ids' common prefix, such as {@code sensor-}
 * @param intervalSeconds seconds between two readings of one sensor
 * @param humidity        whether readings carry humidity
 * @param seed            fixes every value of every sensor
 * @param startTime       Unix seconds of the fleet's first tick
 */
public record FleetSpec(int sensors, String sensorPrefix, long intervalSeconds, boolean humidity, long seed,
                        long startTime) {

    public FleetSpec {
        Objects.requireNonNull(sensorPrefix, "sensorPrefix");
        if (sensors < 1) {
            throw new IllegalArgumentException("a fleet has at least one sensor, not " + sensors);
        }
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("the interval is at least one second, not " + intervalSeconds);
        }
        if (startTime < 0) {
            throw new IllegalArgumentException("the start time is Unix seconds, 0 or later, not " + startTime);
        }
    }

    /** The id of sensor {@code number}, counting from 1. */
    public String sensorId(int number) {
        return sensorPrefix + number;
    }

    /** Readings per second when the fleet runs on the wall clock: every sensor once per interval. */
    public double readingsPerSecond() {
        return (double) sensors / intervalSeconds;
    }

    /** How many readings cover {@code seconds} of fleet time: every sensor's readings of the ticks in that span. */
    public long readingsIn(long seconds) {
        long ticks = Math.max(1, (seconds + intervalSeconds - 1) / intervalSeconds);
        return Math.multiplyExact(ticks, (long) sensors);
    }
}
