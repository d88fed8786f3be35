package dev.sensorpipeline.local.runner.config;

import dev.sensorpipeline.local.runner.base.Console;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The configuration of what the mappings invoke as the endpoint has it now, asked again at most once per
 * {@code refreshEvery}, of the same function, version or alias each time: an {@code update-function-configuration}
 * of $LATEST, or an {@code update-alias} to another version, takes effect from the next invocation, in a new
 * execution environment, as in Lambda. When the endpoint cannot be asked, the last configuration known stays.
 */
public final class FunctionConfigSource implements Supplier<FunctionConfiguration> {

    private final Supplier<FunctionConfiguration> fetch;
    private final Duration refreshEvery;
    private final LongSupplier nanoTime;
    private final Console console;
    private FunctionConfiguration current;
    private long fetchedAt;
    private boolean warned;

    public FunctionConfigSource(FunctionConfiguration initial, Supplier<FunctionConfiguration> fetch,
                                Duration refreshEvery, LongSupplier nanoTime, Console console) {
        this.current = initial;
        this.fetch = fetch;
        this.refreshEvery = refreshEvery;
        this.nanoTime = nanoTime;
        this.console = console;
        this.fetchedAt = nanoTime.getAsLong();
    }

    @Override
    public synchronized FunctionConfiguration get() {
        long now = nanoTime.getAsLong();
        if (now - fetchedAt >= refreshEvery.toNanos()) {
            fetchedAt = now;
            try {
                current = fetch.get();
                warned = false;
            } catch (RuntimeException e) {
                if (!warned) {
                    console.warn("cannot read the function's configuration (" + e.getMessage()
                            + "); keeping the last one known");
                    warned = true;
                }
            }
        }
        return current;
    }
}
