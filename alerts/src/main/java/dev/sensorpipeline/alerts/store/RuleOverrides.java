package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.RuleOverride;

/** A sensor's own thresholds, from {@code SensorAlertRules}. */
public interface RuleOverrides {

    /**
     * The sensor's override, {@link RuleOverride#NONE} when it has no item.
     *
     * @throws RuntimeException when it cannot be read; the caller reports the sensor's records for retry
     */
    RuleOverride forSensor(String sensorId);
}
