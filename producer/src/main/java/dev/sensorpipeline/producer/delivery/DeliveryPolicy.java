package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard a run tries.
 *
 * @param maxRetries    how many times a refused entry is sent again before it is given up
 * @param backoff       the wait before a retry
 * @param ratePerSecond entries released per second; 0 for as fast as the stream takes them
 */
public record DeliveryPolicy(int maxRetries, Backoff backoff, double ratePerSecond) {

    /** 50 ms doubling to 5 s: a shard's write budget refills every second. */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));

    public DeliveryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries are 0 or more, not " + maxRetries);
        }
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("a rate is finite and 0 or more, not " + ratePerSecond);
        }
    }
}
