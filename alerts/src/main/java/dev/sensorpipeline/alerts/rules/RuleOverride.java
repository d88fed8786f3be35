package dev.sensorpipeline.alerts.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One sensor's item in {@code SensorAlertRules}: each threshold it sets replaces the default for that sensor only.
 *
 * @param high              {@code HighTemperature}
 * @param low               {@code LowTemperature}
 * @param riseDegrees       {@code RiseDegrees}
 * @param riseWindowSeconds {@code RiseWindowSeconds}
 */
public record RuleOverride(Optional<BigDecimal> high, Optional<BigDecimal> low, Optional<BigDecimal> riseDegrees,
                           Optional<Long> riseWindowSeconds) {

    /** A sensor without an item: the defaults apply. */
    public static final RuleOverride NONE =
            new RuleOverride(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public RuleOverride {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(riseDegrees, "riseDegrees");
        Objects.requireNonNull(riseWindowSeconds, "riseWindowSeconds");
    }
}
