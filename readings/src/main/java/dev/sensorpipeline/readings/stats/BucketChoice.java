package dev.sensorpipeline.readings.stats;

import dev.sensorpipeline.model.SensorReading;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the bucket for a chart: none when every series has at most {@link #MAX_POINTS} readings, else the
 * narrowest of 1m, 5m, 1h, 1d (then whole numbers of days) that leaves every series at most that many buckets.
 */
public final class BucketChoice {

    /** The most points a chart's series holds. */
    public static final int MAX_POINTS = 2_000;

    private BucketChoice() {
    }

    /** The bucket for these series (each one sensor's readings), or empty when none is needed. */
    public static Optional<Bucket> forSeries(Collection<List<SensorReading>> series) {
        if (series.stream().allMatch(s -> s.size() <= MAX_POINTS)) {
            return Optional.empty();
        }
        for (Bucket bucket : Bucket.CHOICES) {
            if (fits(series, bucket)) {
                return Optional.of(bucket);
            }
        }
        long longestSpan = series.stream().filter(s -> !s.isEmpty()).mapToLong(BucketChoice::span).max().orElse(0);
        long days = Math.max(2, Math.floorDiv(longestSpan, 86_400L * MAX_POINTS) + 2);
        while (!fits(series, Bucket.ofDays(days))) {
            days++;
        }
        return Optional.of(Bucket.ofDays(days));
    }

    private static boolean fits(Collection<List<SensorReading>> series, Bucket bucket) {
        for (List<SensorReading> readings : series) {
            Set<Long> starts = new HashSet<>();
            for (SensorReading reading : readings) {
                starts.add(bucket.startOf(reading.currentTime()));
                if (starts.size() > MAX_POINTS) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long span(List<SensorReading> readings) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (SensorReading reading : readings) {
            min = Math.min(min, reading.currentTime());
            max = Math.max(max, reading.currentTime());
        }
        return max - min;
    }
}
