package dev.sensorpipeline.model.retry;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with full jitter, as AWS recommends for throttling: the ceiling before retry {@code n}
 * is {@code min(cap, base * 2^(n-1))}, and the jittered wait is uniform in {@code [0, ceiling)}, so that parallel
 * writers spread over the whole window instead of retrying in step. The one backoff of the function, the producer
 * and the local runner; the runner, playing Lambda's own retries, waits the ceiling itself.
 *
 * <p>The jitter comes from {@link SecureRandom} unless a test gives its own draws, as AWS's SnapStart guidance
 * recommends: the JDK's SecureRandom mixes fresh entropy from the operating system into every draw, whereas a
 * generator seeded before a SnapStart snapshot would give every container restored from it the same waits, so they
 * would retry in step, which jitter is there to prevent.
 */
public final class Backoff {

    /** Thread-safe, and safe across SnapStart restores (see the class comment). */
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();

    /** Past 2^40 the product overflows long nanos and is far beyond any sane cap anyway. */
    private static final int MAX_DOUBLINGS = 40;

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /**
     * A backoff drawing its jitter from {@link SecureRandom}.
     *
     * @param base the ceiling of the first retry's wait
     * @param cap  the ceiling of every wait
     */
    public Backoff(Duration base, Duration cap) {
        this(base, cap, SECURE_RANDOM::nextDouble);
    }

    /**
     * A backoff drawing its jitter from {@code random}; for tests.
     *
     * @param random uniform draws from [0, 1)
     */
    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("want 0 <= base <= cap, got base " + base + " and cap " + cap);
        }
    }

    public Duration base() {
        return base;
    }

    public Duration cap() {
        return cap;
    }

    /**
     * The ceiling of the wait before retry number {@code retry}: the wait itself where no jitter is wanted.
     *
     * @param retry 1 for the first retry; 0, the first attempt, waits nothing
     */
    public Duration ceiling(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retries count from 1 (0 for the first attempt), not " + retry);
        }
        if (retry == 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(retry - 1, MAX_DOUBLINGS);
        long baseNanos = base.toNanos();
        if (baseNanos > (cap.toNanos() >> doublings)) {
            return cap;
        }
        return Duration.ofNanos(baseNanos << doublings);
    }

    /**
     * The wait before retry number {@code retry}, for a given draw.
     *
     * @param jitter a uniform draw from [0, 1)
     */
    public Duration delay(int retry, double jitter) {
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter is a draw from [0, 1), not " + jitter);
        }
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * jitter));
    }

    /** The wait before retry number {@code retry}, drawn from this backoff's random source. */
    public Duration delayBefore(int retry) {
        return delay(retry, random.getAsDouble());
    }

    @Override
    public String toString() {
        return "Backoff[base=" + base + ", cap=" + cap + "]";
    }
}
