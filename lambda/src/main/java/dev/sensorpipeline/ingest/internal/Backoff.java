package dev.sensorpipeline.ingest.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with full jitter, as AWS recommends for throttling: the wait before retry {@code n} is
 * uniform in {@code [0, min(cap, base * 2^n))}, so that parallel writers spread out instead of retrying in step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * 25 ms doubling up to 2 s. The jitter comes from {@link SecureRandom}, as AWS's SnapStart guidance recommends
     * (on Linux it mixes in /dev/urandom on every draw): a generator seeded before a SnapStart snapshot would give
     * every container restored from it the same waits, so they would retry in step, which jitter is there to prevent.
     */
    public static Backoff standard() {
        SecureRandom random = new SecureRandom();
        return new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2), random::nextDouble);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        long ceilingNanos = ceilingNanos(retry);
        return Duration.ofNanos((long) (random.getAsDouble() * ceilingNanos));
    }

    /** The largest wait retry {@code retry} can draw. */
    public Duration ceiling(int retry) {
        return Duration.ofNanos(ceilingNanos(retry));
    }

    private long ceilingNanos(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long exponential = base.toNanos() << doublings;
        return exponential <= 0 ? cap.toNanos() : Math.min(cap.toNanos(), exponential);
    }
}
