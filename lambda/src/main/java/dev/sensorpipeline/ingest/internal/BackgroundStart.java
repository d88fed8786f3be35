package dev.sensorpipeline.ingest.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A part that is slow to build, built on its own thread so that the build overlaps the runtime's own start-up
 * work (on a fresh Java container, loading the event serializer and reading the first event). The first
 * {@link #get()} waits for it.
 *
 * <p>A failed build is thrown by the {@code get()} that finds it, and the next {@code get()} builds again on the
 * caller's thread: as after a failed Lambda init, a table created meanwhile is found on the next attempt.
 *
 * @param <T> what is built
 */
public final class BackgroundStart<T> {

    private final Supplier<T> factory;
    private CompletableFuture<T> building;
    private T value;

    private BackgroundStart(Supplier<T> factory, CompletableFuture<T> building, T value) {
        this.factory = factory;
        this.building = building;
        this.value = value;
    }

    /** Starts building on a new daemon thread named {@code threadName}. */
    public static <T> BackgroundStart<T> begin(String threadName, Supplier<T> factory) {
        CompletableFuture<T> building = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                building.complete(factory.get());
            } catch (Throwable e) {
                building.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundStart<>(factory, building, null);
    }

    /** Builds now, on this thread; a failure is thrown here. */
    public static <T> BackgroundStart<T> now(Supplier<T> factory) {
        return new BackgroundStart<>(factory, null, factory.get());
    }

    /** A part already built. */
    public static <T> BackgroundStart<T> ready(T value) {
        return new BackgroundStart<>(() -> value, null, value);
    }

    /** The part, waiting for its build if need be; throws what the build threw. */
    public synchronized T get() {
        if (value != null) {
            return value;
        }
        CompletableFuture<T> pending = building;
        building = null;
        value = pending == null ? factory.get() : join(pending);
        return value;
    }

    private static <T> T join(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
