package dev.sensorpipeline.benchmarks.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import dev.sensorpipeline.local.runner.function.ExecutionEnvironment;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.function.LaunchPlan;
import dev.sensorpipeline.local.runner.function.RuntimeInvoker;
import dev.sensorpipeline.local.runner.function.RuntimeLibraries;
import dev.sensorpipeline.local.runner.function.TaskDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One variant under the bench: its jar in an execution environment of its own, started as the local runner starts
 * one (the runtime interface client in a JVM of its own, through the local runner's Runtime API server), invoked
 * one batch at a time. Its log, with Lambda's REPORT lines, goes to {@code WORK/NAME.log}.
 */
final class BenchedFunction implements AutoCloseable {

    /** A variant: its name in the output, its Lambda jar and its handler. */
    record Variant(String name, Path jar, String handler) {

        /** {@code name=jar=handler}. */
        static Variant parse(String text) {
            String[] parts = text.split("=", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a variant is NAME=JAR=HANDLER, not " + text);
            }
            return new Variant(parts[0], Path.of(parts[1]), parts[2]);
        }
    }

    /** What one invocation took. */
    record Figure(int readings, double durationMs, double cpuMs, long requests) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Variant variant;
    private final RuntimeInvoker invoker;
    private final ReportLines report;
    private final OutputStream log;
    private final DynamoDbStubProcess dynamoDb;
    private final ProcessCpu cpu;
    private ExecutionEnvironment environment;

    BenchedFunction(Variant variant, Path workDir, RuntimeLibraries libraries, Path javaBinary,
                    Map<String, String> functionEnvironment, Map<String, String> awsEnvironment, int memoryMb,
                    Duration timeout, DynamoDbStubProcess dynamoDb, ProcessCpu cpu) {
        this.variant = variant;
        this.dynamoDb = dynamoDb;
        this.cpu = cpu;
        Path home = workDir.resolve(variant.name());
        TaskDirectory task = new TaskDirectory(variant.jar(), home.resolve("task"));
        task.prepare();
        LaunchPlan plan = new LaunchPlan(javaBinary, libraries.classpath(),
                libraries.unpackNativeClient(home.resolve("libaws-lambda-jni.so")), task.root(),
                libraries.directory(), awsEnvironment);
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:bench-" + variant.name();
        FunctionConfiguration configuration = new FunctionConfiguration("bench-" + variant.name(), arn, "java21",
                variant.handler(), "arn:aws:iam::123456789012:role/sensor-ingest-role", timeout, memoryMb,
                functionEnvironment, null, "bench", "bench");
        try {
            log = Files.newOutputStream(workDir.resolve(variant.name() + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report = new ReportLines(log);
        PrintStream console = new PrintStream(report, true, StandardCharsets.UTF_8);
        invoker = new RuntimeInvoker(() -> configuration, config -> {
            task.prepare();
            environment = ExecutionEnvironment.start(config, arn, plan, new Console(console, console));
            return environment;
        }, new Console(console, console));
    }

    String name() {
        return variant.name();
    }

    /** Invokes the function with one batch; fails unless every record was stored. */
    Figure invoke(BenchBatch batch) throws InterruptedException {
        long requestsBefore = dynamoDb.writeRequests();
        double cpuBefore = environment == null ? 0 : cpu.millisOf(environment.process().pid());
        long reportsBefore = report.reports();
        InvocationResult result = invoker.invoke(batch.event());
        double cpuAfter = cpu.millisOf(environment.process().pid());
        long requests = dynamoDb.writeRequests() - requestsBefore;
        requireStored(result);
        if (report.reports() != reportsBefore + 1) {
            throw new IllegalStateException(variant.name() + ": no REPORT line for the invocation");
        }
        return new Figure(batch.readings(), report.lastDurationMs(), cpuAfter - cpuBefore, requests);
    }

    private void requireStored(InvocationResult result) {
        if (result.result() instanceof FunctionResult.Error error) {
            throw new IllegalStateException(variant.name() + " failed: " + error.errorType() + ": "
                    + error.errorMessage() + " (its log: " + variant.name() + ".log in the work folder)");
        }
        byte[] body = ((FunctionResult.Response) result.result()).body();
        try {
            JsonNode failures = JSON.readTree(body).path("batchItemFailures");
            if (failures.size() > 0) {
                throw new IllegalStateException(variant.name() + " reported " + failures.size()
                        + " batch item failures: every record should be stored here");
            }
        } catch (IOException e) {
            // not JSON: the baselines answer "ok" or null
        }
    }

    @Override
    public void close() {
        invoker.close();
        try {
            log.close();
        } catch (IOException ignored) {
            // the log is what it is
        }
    }
}
