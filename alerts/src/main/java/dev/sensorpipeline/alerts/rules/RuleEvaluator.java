package dev.sensorpipeline.alerts.rules;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The three rules, all strict: a reading exactly at a threshold raises nothing. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * The alerts {@code reading} raises against {@code thresholds}, given its sensor's {@code history}: for
     * {@code rising-fast}, the lowest reading with a time in [t − window, t), the window's start included.
     */
    public static List<Alert> evaluate(SensorReading reading, SensorHistory history, Thresholds thresholds) {
        List<Alert> alerts = new ArrayList<>(1);
        BigDecimal temperature = reading.temperature();
        if (temperature.compareTo(thresholds.high()) > 0) {
            alerts.add(new Alert(reading, Rule.HIGH_TEMPERATURE, thresholds.high(), Optional.empty()));
        }
        if (temperature.compareTo(thresholds.low()) < 0) {
            alerts.add(new Alert(reading, Rule.LOW_TEMPERATURE, thresholds.low(), Optional.empty()));
        }
        long time = reading.currentTime();
        Optional<Sample> lowest = history.lowestIn(windowStart(time, thresholds), time);
        if (lowest.isPresent()
                && temperature.subtract(lowest.get().temperature()).compareTo(thresholds.riseDegrees()) > 0) {
            alerts.add(new Alert(reading, Rule.RISING_FAST, thresholds.riseDegrees(), lowest));
        }
        return alerts;
    }

    /** The first second of the window before a reading at {@code time}: the history to read starts here. */
    public static long windowStart(long time, Thresholds thresholds) {
        return Math.max(0, time - thresholds.riseWindowSeconds());
    }
}
