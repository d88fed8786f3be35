package dev.sensorpipeline.readings.chart;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One point of a sensor's series: a reading, or a bucket's mean with its min-max band.
 *
 * @param time        Unix seconds: the reading's time, or the bucket's start
 * @param temperature the temperature, or the bucket's mean
 * @param min         the bucket's lowest temperature (the reading's own when not bucketed)
 * @param max         the bucket's highest temperature (the reading's own when not bucketed)
 * @param humidity    the humidity (the bucket's mean), or {@code null} when there is none
 */
public record Point(long time, BigDecimal temperature, BigDecimal min, BigDecimal max, BigDecimal humidity) {

    public Point {
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }
}
