package dev.sensorpipeline.alerts.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One reading of a sensor as the rules see its history: when, and how warm.
 *
 * @param time        Unix time in seconds, the reading's {@code CurrentTime}
 * @param temperature the temperature, exactly as stored
 */
public record Sample(long time, BigDecimal temperature) {

    public Sample {
        Objects.requireNonNull(temperature, "temperature");
    }
}
