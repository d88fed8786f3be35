package dev.sensorpipeline.alerts.rules;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule a reading broke: at most one per sensor, reading time and rule, whatever order the readings come in.
 *
 * @param reading      the reading that broke it
 * @param rule         the rule
 * @param threshold    the limit it went past: the high or low temperature, or for {@code rising-fast} the rise
 * @param windowLowest for {@code rising-fast}, the window's lowest reading the rise is measured from
 */
public record Alert(SensorReading reading, Rule rule, BigDecimal threshold, Optional<Sample> windowLowest) {

    public Alert {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(windowLowest, "windowLowest");
    }

    /** The alert's range key in {@code SensorAlerts}: the reading's time zero-padded to 20 digits, '#', the rule. */
    public String alertKey() {
        return String.format("%020d#%s", reading.currentTime(), rule.ruleName());
    }
}
