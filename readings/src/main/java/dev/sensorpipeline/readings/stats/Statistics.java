package dev.sensorpipeline.readings.stats;

import dev.sensorpipeline.model.SensorReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Per-bucket statistics of one sensor's readings, with exact decimal arithmetic. */
public final class Statistics {

    private Statistics() {
    }

    /**
     * The statistics of {@code readings} (one sensor's, in any order), per bucket when one is given, oldest bucket
     * first; else one row whose start is {@code rangeStart}. No readings, no rows.
     */
    public static List<BucketStats> of(String sensorId, List<SensorReading> readings, Optional<Bucket> bucket,
            long rangeStart) {
        Map<Long, Summary.Builder[]> byStart = new TreeMap<>();
        for (SensorReading reading : readings) {
            long start = bucket.map(b -> b.startOf(reading.currentTime())).orElse(rangeStart);
            Summary.Builder[] builders = byStart.computeIfAbsent(start,
                    s -> new Summary.Builder[] {new Summary.Builder(), new Summary.Builder()});
            builders[0].add(reading.temperature());
            reading.humidityIfPresent().ifPresent(builders[1]::add);
        }
        List<BucketStats> rows = new ArrayList<>(byStart.size());
        byStart.forEach((start, builders) -> rows.add(new BucketStats(sensorId, start, builders[0].build(),
                builders[1].isEmpty() ? null : builders[1].build())));
        return rows;
    }

    /** The summary of every reading's temperature, as one row; empty without readings. */
    public static Optional<BucketStats> overall(String sensorId, List<SensorReading> readings, long rangeStart) {
        List<BucketStats> rows = of(sensorId, readings, Optional.empty(), rangeStart);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
