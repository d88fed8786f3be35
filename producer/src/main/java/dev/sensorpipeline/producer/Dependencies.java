package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.producer.delivery.DeliveryPolicy;
import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.producer.kinesis.DefaultKinesisConnector;
import dev.sensorpipeline.producer.kinesis.KinesisConnector;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * What the command takes from the world, so that tests can hand it a local endpoint, a stop button and a terminal.
 *
 * @param connector    builds the Kinesis client from the options
 * @param wallClock    the fleet's clock when no start time is given
 * @param nanoTime     a monotonic clock for pacing and rates
 * @param jitter       uniform draws from [0, 1) for the backoff
 * @param seeds        a fresh seed when none is given
 * @param backoff      the wait before a retry
 * @param stop         raised by Ctrl-C (or a test) to end the run after the call in flight
 * @param terminal     whether stderr is a terminal, for {@code --progress auto}
 * @param handleCtrlC  whether to install a JVM shutdown hook that raises {@code stop}; off in-process in tests
 * @param environment  the environment, to name the endpoint in messages
 */
record Dependencies(KinesisConnector connector, InstantSource wallClock, LongSupplier nanoTime,
                    DoubleSupplier jitter, LongSupplier seeds, Backoff backoff, StopSignal stop, boolean terminal,
                    boolean handleCtrlC, Map<String, String> environment) {

    Dependencies {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(stop, "stop");
        environment = Map.copyOf(environment);
    }

    /** The real world: the SDK's configuration chain, the system clocks, this process's terminal and signals. */
    static Dependencies system() {
        return new Dependencies(new DefaultKinesisConnector(), InstantSource.system(), System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble(), () -> ThreadLocalRandom.current().nextLong(),
                DeliveryPolicy.DEFAULT_BACKOFF, new StopSignal(), System.console() != null, true, System.getenv());
    }
}
