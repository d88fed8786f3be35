package dev.sensorpipeline.ingest.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The point after which no new write starts: the invocation's end less a safety margin. Writes stop in time to
 * report what is not stored, rather than being cut off mid-write by the Lambda timeout.
 *
 * @param deadlineNanos the point, on {@code nanoClock}
 */
public record Deadline(LongSupplier nanoClock, long deadlineNanos) {

    /** A deadline {@code remaining} from now, less {@code margin}. */
    public static Deadline in(Duration remaining, Duration margin, LongSupplier nanoClock) {
        return new Deadline(nanoClock, nanoClock.getAsLong() + remaining.minus(margin).toNanos());
    }

    public static Deadline in(Duration remaining, Duration margin) {
        return in(remaining, margin, System::nanoTime);
    }

    /** Time left before no write may start; zero or negative when passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - nanoClock.getAsLong());
    }

    public boolean passed() {
        return deadlineNanos - nanoClock.getAsLong() <= 0;
    }

    /** Whether waiting {@code wait} still leaves time to start a write. */
    public boolean allowsWaiting(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }
}
