package dev.sensorpipeline.local.runner;

import java.time.Duration;

/** Waits that are part of the job (a batching window, a backoff); interrupting the thread ends them early. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
