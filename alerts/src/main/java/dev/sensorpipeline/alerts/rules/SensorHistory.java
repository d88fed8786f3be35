package dev.sensorpipeline.alerts.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sensor's readings by time, as far as the rules need them: those stored in {@code SensorData} and those of the
 * batch, one temperature per time (a time is a key: two readings at one time are one item). Built in any order,
 * it answers the same, so the verdicts do not depend on the order the stream delivers the readings in.
 */
public final class SensorHistory {

    private final NavigableMap<Long, BigDecimal> temperatures = new TreeMap<>();

    /** Adds a stored reading, unless the batch has already given one at its time (the batch's is newer). */
    public SensorHistory addStored(Sample sample) {
        temperatures.putIfAbsent(sample.time(), sample.temperature());
        return this;
    }

    /** Adds a reading of the batch, replacing a stored one at its time. */
    public SensorHistory addFromBatch(Sample sample) {
        temperatures.put(sample.time(), sample.temperature());
        return this;
    }

    /**
     * The lowest reading with a time from {@code from} inclusive to {@code to} exclusive; of equal temperatures, the
     * earliest.
     */
    public Optional<Sample> lowestIn(long from, long to) {
        if (from >= to) {
            return Optional.empty();
        }
        Sample lowest = null;
        for (Map.Entry<Long, BigDecimal> entry : temperatures.subMap(from, true, to, false).entrySet()) {
            if (lowest == null || entry.getValue().compareTo(lowest.temperature()) < 0) {
                lowest = new Sample(entry.getKey(), entry.getValue());
            }
        }
        return Optional.ofNullable(lowest);
    }
}
