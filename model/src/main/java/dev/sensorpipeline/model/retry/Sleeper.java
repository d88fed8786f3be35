package dev.sensorpipeline.model.retry;

import java.time.Duration;

/**
 * Waits that are part of the job (a backoff, a batching window, a pace); tests pass one that only records the wait
 * or moves a fake clock. Interrupting the thread ends a real wait early.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the thread; a zero or negative wait returns at once. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** Waits {@code duration}, or less when the wait is ended early. */
    void sleep(Duration duration) throws InterruptedException;
}
