package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock that moves only when slept on: tests see every wait and spend none of it. */
final class FakeTime implements Sleeper, LongSupplier {

    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
