package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Invokes the function in an execution environment of its own JVM, one invocation at a time (a concurrency of one),
 * as Lambda does: a cold start when there is no environment, or when the function's configuration changed; the
 * function's timeout enforced by stopping its JVM; Lambda's START, END and REPORT lines around each invocation.
 */
public final class RuntimeInvoker implements FunctionInvoker {

    /** Lambda's limit on the init phase; longer, and the init is cut short (then retried with the invocation). */
    private static final Duration INIT_LIMIT = Duration.ofSeconds(10);

    private final Supplier<FunctionConfiguration> configuration;
    private final Function<FunctionConfiguration, ExecutionEnvironment> starter;
    private final Console console;
    private ExecutionEnvironment environment;
    private int coldStarts;
    private boolean closed;

    public RuntimeInvoker(Supplier<FunctionConfiguration> configuration,
                          Function<FunctionConfiguration, ExecutionEnvironment> starter, Console console) {
        this.configuration = configuration;
        this.starter = starter;
        this.console = console;
    }

    @Override
    public synchronized InvocationResult invoke(byte[] event) throws InterruptedException {
        if (Thread.interrupted() || closed) {
            throw new InterruptedException("stopping");
        }
        FunctionConfiguration current = configuration.get();
        if (environment != null && !environment.configuration().equals(current)) {
            String was = environment.configuration().versionOrLatest();
            if (!was.equals(current.versionOrLatest())) {
                console.info("version " + current.versionOrLatest() + " now runs (was version " + was + "): a cold"
                        + " start of an execution environment of version " + current.versionOrLatest());
            } else {
                console.info("the function's configuration changed (version " + current.versionOrLatest()
                        + ", LastModified " + current.lastModified()
                        + "): the next invocation starts a new execution environment");
            }
            retire();
        }
        if (environment != null && !environment.isAlive()) {
            retire();
        }
        boolean cold = environment == null;
        if (cold) {
            environment = starter.apply(current);
            coldStarts++;
        }
        ExecutionEnvironment env = environment;
        Invocation invocation = env.submit(event);
        String version = current.versionOrLatest();
        if (!await(invocation.started(), env, initLimit(current))) {
            return new InvocationResult(invocation.requestId(), version, initFailed(env));
        }
        Instant started = invocation.started().join();
        String requestId = invocation.requestId();
        env.awaitOutput();
        console.log("START RequestId: " + requestId + " Version: " + current.versionOrLatest());
        Duration left = Duration.between(Instant.now(), started.plus(current.timeout()));
        boolean answered = await(invocation.result(), env, left);
        Duration duration = Duration.between(started, Instant.now());
        if (answered) {
            FunctionResult result = invocation.result().join();
            end(requestId, duration, env, cold, "");
            return new InvocationResult(requestId, version, result);
        }
        if (!env.isAlive()) {
            String message = "Runtime exited with error: exit status " + env.exitCode();
            console.log("RequestId: " + requestId + " Error: " + message);
            console.log("Runtime.ExitError");
            end(requestId, duration, env, cold, "\tStatus: error\tError Type: Runtime.ExitError");
            retire();
            return new InvocationResult(requestId, version, new FunctionResult.Error("Runtime.ExitError", message));
        }
        String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                current.timeout().toMillis() / 1000.0);
        console.log(Instant.now() + " " + requestId + " " + message);
        end(requestId, duration, env, cold, "\tStatus: timeout");
        retire();
        return new InvocationResult(requestId, version, new FunctionResult.Error("Sandbox.Timedout", message));
    }

    /** Execution environments started so far. */
    public synchronized int coldStarts() {
        return coldStarts;
    }

    @Override
    public synchronized void close() {
        closed = true;
        retire();
    }

    private FunctionResult initFailed(ExecutionEnvironment env) {
        FunctionResult.Error reported = env.initError();
        String errorType;
        String message;
        if (reported != null) {
            errorType = reported.errorType();
            message = reported.errorMessage();
        } else if (!env.isAlive()) {
            errorType = "Runtime.ExitError";
            message = "Runtime exited with error: exit status " + env.exitCode();
        } else {
            errorType = "Sandbox.Timedout";
            message = "the function did not finish its initialisation in time";
        }
        console.log("INIT_REPORT Init Duration: " + millis(env.initDuration()) + " ms\tPhase: init\tStatus: error"
                + "\tError Type: " + errorType);
        retire();
        return new FunctionResult.Error(errorType, message);
    }

    private void end(String requestId, Duration duration, ExecutionEnvironment env, boolean cold, String status)
            throws InterruptedException {
        env.awaitOutput();
        console.log("END RequestId: " + requestId);
        Duration init = cold ? env.initDuration() : Duration.ZERO;
        long billed = (long) Math.ceil((duration.toNanos() + init.toNanos()) / 1_000_000.0);
        console.log("REPORT RequestId: " + requestId
                + "\tDuration: " + millis(duration) + " ms"
                + "\tBilled Duration: " + billed + " ms"
                + "\tMemory Size: " + env.configuration().memoryMb() + " MB"
                + "\tMax Memory Used: " + env.maxMemoryUsedMb() + " MB"
                + (cold ? "\tInit Duration: " + millis(init) + " ms" : "")
                + status);
    }

    /** Waits for {@code future} as long as the environment lives; true when it completed. */
    private static boolean await(CompletableFuture<?> future, ExecutionEnvironment env, Duration limit)
            throws InterruptedException {
        try {
            CompletableFuture.anyOf(future, env.exited()).get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // decided below
        }
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private static Duration initLimit(FunctionConfiguration function) {
        return function.timeout().compareTo(INIT_LIMIT) > 0 ? function.timeout() : INIT_LIMIT;
    }

    private void retire() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1_000_000.0);
    }
}
