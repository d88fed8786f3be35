package dev.sensorpipeline.producer.delivery;

import java.time.Duration;

/**
 * Releases entries at a steady rate: entry {@code n} (from 0) becomes due {@code n / rate} seconds after the start.
 * A run that falls behind (a slow call, a backoff) catches up by sending what has come due, so the rate holds on
 * average. A rate of 0 releases everything at once.
 */
final class Pacer {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final long startNanos;

    Pacer(double ratePerSecond, long startNanos) {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("a rate is finite and 0 or more, not " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.startNanos = startNanos;
    }

    boolean isUnlimited() {
        return ratePerSecond == 0;
    }

    /** How many entries are due at {@code nowNanos}. */
    long allowance(long nowNanos) {
        if (isUnlimited()) {
            return Long.MAX_VALUE;
        }
        long elapsed = nowNanos - startNanos;
        if (elapsed < 0) {
            return 0;
        }
        // Start from the estimate, then settle on dueAt's own rounding so that allowance and untilDue always agree.
        long count = (long) (elapsed * ratePerSecond / NANOS_PER_SECOND) + 1;
        while (dueAt(count) <= elapsed) {
            count++;
        }
        while (count > 0 && dueAt(count - 1) > elapsed) {
            count--;
        }
        return count;
    }

    /** How long until entry {@code n} is due; zero when it already is. */
    Duration untilDue(long n, long nowNanos) {
        if (isUnlimited()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, dueAt(n) - (nowNanos - startNanos)));
    }

    private long dueAt(long n) {
        return (long) Math.ceil(n * NANOS_PER_SECOND / ratePerSecond);
    }
}
