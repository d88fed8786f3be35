package dev.sensorpipeline.ingest.internal;

import java.time.Duration;

/** Waits between retries; tests pass one that does not really sleep. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
