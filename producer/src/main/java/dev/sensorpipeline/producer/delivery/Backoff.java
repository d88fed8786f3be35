package dev.sensorpipeline.producer.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff with full jitter: before the {@code n}th retry, wait a uniformly random time between
 * zero and {@code min(cap, base * 2^(n-1))}. Full jitter spreads retries of many producers over the whole window
 * instead of bunching them at its end, which is what a throttled shard needs.
 *
 * @param base the ceiling of the first wait
 * @param cap  the ceiling of every wait
 */
public record Backoff(Duration base, Duration cap) {

    /** 50 ms doubling to 5 s: a shard's write budget refills every second. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("want 0 <= base <= cap, got base " + base + " and cap " + cap);
        }
    }

    /**
     * The ceiling of the wait before retry number {@code retry}.
     *
     * @param retry 1 for the first retry
     */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, not " + retry);
        }
        // Past 2^40 the product overflows long nanos and is far beyond any sane cap anyway.
        int doublings = Math.min(retry - 1, 40);
        long baseNanos = base.toNanos();
        if (baseNanos > (cap.toNanos() >> doublings)) {
            return cap;
        }
        return Duration.ofNanos(baseNanos << doublings);
    }

    /**
     * The wait before retry number {@code retry}.
     *
     * @param jitter a uniform draw from [0, 1)
     */
    public Duration delay(int retry, double jitter) {
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter is a draw from [0, 1), not " + jitter);
        }
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * jitter));
    }
}
