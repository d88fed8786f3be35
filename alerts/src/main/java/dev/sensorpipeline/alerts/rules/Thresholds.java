package dev.sensorpipeline.alerts.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The limits one sensor's readings are checked against: the defaults from the function's settings, with the
 * sensor's own overrides from {@code SensorAlertRules} on top.
 *
 * @param high              {@code high-temperature}: an alert above this
 * @param low               {@code low-temperature}: an alert below this
 * @param riseDegrees       {@code rising-fast}: an alert when a reading is more than this above the window's lowest
 * @param riseWindowSeconds {@code rising-fast}: the window, in seconds before the reading, its start included
 */
public record Thresholds(BigDecimal high, BigDecimal low, BigDecimal riseDegrees, long riseWindowSeconds) {

    public Thresholds {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(riseDegrees, "riseDegrees");
        if (riseWindowSeconds < 1) {
            throw new IllegalArgumentException("riseWindowSeconds must be at least 1, was " + riseWindowSeconds);
        }
    }

    /** These thresholds with the override's values where it has them. */
    public Thresholds with(RuleOverride override) {
        return new Thresholds(
                override.high().orElse(high),
                override.low().orElse(low),
                override.riseDegrees().orElse(riseDegrees),
                override.riseWindowSeconds().orElse(riseWindowSeconds));
    }
}
