package dev.sensorpipeline.readings.stats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A time bucket's width: buckets start at multiples of it since the epoch, in UTC, so a day bucket runs from
 * midnight UTC to midnight UTC and every sensor's buckets line up.
 *
 * @param name    how it is written on the command line: {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}
 * @param seconds its width
 */
public record Bucket(String name, long seconds) {

    /** The widths {@code --bucket} takes. */
    public static final List<Bucket> CHOICES = List.of(
            new Bucket("1m", 60), new Bucket("5m", 300), new Bucket("1h", 3_600), new Bucket("1d", 86_400));

    public Bucket {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a bucket is at least one second wide, not " + seconds);
        }
    }

    /** The bucket named {@code text} ({@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}), if it is one of them. */
    public static Optional<Bucket> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return CHOICES.stream().filter(b -> b.name.equals(wanted)).findFirst();
    }

    /** A bucket of {@code days} days, for charts whose range is too long for day buckets. */
    public static Bucket ofDays(long days) {
        return new Bucket(days + "d", days * 86_400);
    }

    /** The start of the bucket holding {@code epochSecond}: the multiple of the width at or below it. */
    public long startOf(long epochSecond) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }

    @Override
    public String toString() {
        return name;
    }
}
