package dev.sensorpipeline.local.runner.delivery;

import java.time.Duration;

/** The wait before records are sent again: doubling from {@code first}, never more than {@code max}. */
public record RetryBackoff(Duration first, Duration max) {

    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    public Duration before(int retries) {
        if (retries <= 0) {
            return Duration.ZERO;
        }
        long millis = first.toMillis() << Math.min(retries - 1, 20);
        return millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
