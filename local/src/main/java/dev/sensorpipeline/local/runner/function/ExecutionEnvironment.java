package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: the function's own JVM on the runtime interface client, and the Runtime API it polls.
 * Its output (stdout and stderr, as Lambda merges them into the log stream) goes to the console line by line.
 */
public record ExecutionEnvironment(FunctionConfiguration configuration, RuntimeApiServer api, Process process,
                                   Instant startedAt, OutputPump output) implements AutoCloseable {

    /**
     * Starts the function's JVM; its initialisation runs until it first asks the Runtime API for an event.
     *
     * @param invokedFunctionArn the ARN the function is invoked by, as its mapping names it: Lambda gives the
     *                           function that one (an alias's, say), not the ARN of the version it runs
     */
    public static ExecutionEnvironment start(FunctionConfiguration configuration, String invokedFunctionArn,
                                             LaunchPlan plan, Console console) {
        RuntimeApiServer api = null;
        try {
            api = RuntimeApiServer.start(invokedFunctionArn);
            ProcessBuilder builder = plan.processFor(configuration, api.address()).redirectErrorStream(true);
            Instant startedAt = Instant.now();
            Process process = builder.start();
            process.getOutputStream().close();
            OutputPump output = OutputPump.start(process.getInputStream(), console, "function-output-" + process.pid());
            return new ExecutionEnvironment(configuration, api, process, startedAt, output);
        } catch (IOException e) {
            if (api != null) {
                api.close();
            }
            throw new UncheckedIOException("cannot start the function's JVM: " + e.getMessage(), e);
        }
    }

    public Invocation submit(byte[] event) {
        Invocation invocation = new Invocation(event, configuration.timeout());
        api.submit(invocation);
        return invocation;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> exited() {
        return process.onExit();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** From the JVM's start until its runtime first asked for an event; empty while it has not. */
    public Duration initDuration() {
        if (!api.firstPoll().isDone()) {
            return Duration.between(startedAt, Instant.now());
        }
        return Duration.between(startedAt, api.firstPoll().join());
    }

    /** The runtime's report that it could not initialise, if it made one. */
    public FunctionResult.Error initError() {
        return api.initError().getNow(null);
    }

    /** Peak resident memory of the function's JVM, as Lambda's Max Memory Used. */
    public long maxMemoryUsedMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited, or this is not Linux
        }
        return 0;
    }

    /** Waits (briefly) until the function's output so far is on the console. */
    public void awaitOutput() throws InterruptedException {
        output.awaitCopied(Duration.ofMillis(200));
    }

    /** Stops the JVM at once, as Lambda does with an environment it gives up. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
