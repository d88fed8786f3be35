package dev.sensorpipeline.local.runner.function;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One event on its way through the Runtime API: handed out on {@code next}, answered on response or error. */
public final class Invocation {

    private final String requestId;
    private final byte[] event;
    private final Duration timeout;
    private final CompletableFuture<Instant> started = new CompletableFuture<>();
    private final CompletableFuture<FunctionResult> result = new CompletableFuture<>();

    public Invocation(byte[] event, Duration timeout) {
        this(UUID.randomUUID().toString(), event, timeout);
    }

    public Invocation(String requestId, byte[] event, Duration timeout) {
        this.requestId = requestId;
        this.event = event;
        this.timeout = timeout;
    }

    public String requestId() {
        return requestId;
    }

    public byte[] event() {
        return event;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Completes when the runtime takes the event: the invocation's clock, and its deadline, start then. */
    public CompletableFuture<Instant> started() {
        return started;
    }

    /** Completes with the function's response or error. */
    public CompletableFuture<FunctionResult> result() {
        return result;
    }
}
