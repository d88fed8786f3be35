package dev.sensorpipeline.producer.delivery;

import java.time.Duration;

/** Waits for time to pass; tests substitute one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}, or less when the run is asked to stop meanwhile. */
    void sleep(Duration duration);
}
