package dev.sensorpipeline.benchmarks.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.function.RuntimeLibraries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The function's own throughput, behind scripts/bench-function.sh (which checks the command line and builds; this
 * takes it as given). Each variant's jar runs in an execution environment of its own as the local runner starts one,
 * its JVM held to one core, against a loopback DynamoDB in a process of its own that answers after a set latency.
 * Each variant gets its warm-up batches, then the variants take turns, {@code --batches} each a round, the order
 * turning every round. Printed per variant: readings/s (its readings over the sum of its REPORT Durations), the
 * median Duration of a batch, its JVM's CPU per 1,000 readings and DynamoDB requests per reading; then the ratios of
 * the first variant to each other one.
 *
 * <p>A variant that cannot open KPL aggregates (any but the first) is fed the plain batches when the first is fed
 * aggregated ones: the same readings, one per record, as a stream carries them to a consumer that does not aggregate.
 */
public final class FunctionBench {

    private final Map<String, String> options;
    private final List<BenchedFunction.Variant> variants;
    private final PrintStream out;
    private final PrintStream progress;

    private FunctionBench(Map<String, String> options, List<BenchedFunction.Variant> variants, PrintStream out,
                          PrintStream progress) {
        this.options = options;
        this.variants = variants;
        this.out = out;
        this.progress = progress;
    }

    /**
     * {@code --work-dir DIR --runtime-dir DIR --function-spec JSON --plain-events FILE [--aggregated-events FILE]
     * --latency-ms N --batches N --rounds N --warmup N --records-per-batch N [--function-core C] [--stub-cores C]
     * --variant NAME=JAR=HANDLER...}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<BenchedFunction.Variant> variants = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--variant")) {
                variants.add(BenchedFunction.Variant.parse(args[i + 1]));
            } else {
                options.put(args[i], args[i + 1]);
            }
        }
        if (variants.isEmpty() || args.length % 2 != 0) {
            System.err.println("function-bench: give --variant NAME=JAR=HANDLER at least once, and a value to every"
                    + " option; run it through scripts/bench-function.sh");
            System.exit(2);
        }
        try {
            new FunctionBench(options, variants, System.out, System.err).run();
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("function-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private int number(String name) {
        return Integer.parseInt(option(name));
    }

    void run() throws IOException, InterruptedException {
        Path work = Path.of(option("--work-dir"));
        int latencyMs = number("--latency-ms");
        int recordsPerBatch = number("--records-per-batch");
        List<BenchBatch> plain = BenchBatch.fullBatches(Path.of(option("--plain-events")), recordsPerBatch);
        List<BenchBatch> first = options.containsKey("--aggregated-events")
                ? BenchBatch.fullBatches(Path.of(option("--aggregated-events")), recordsPerBatch) : plain;
        RuntimeLibraries libraries = RuntimeLibraries.in(Path.of(option("--runtime-dir")));
        ProcessCpu cpu = ProcessCpu.ofThisMachine();
        JsonNode spec = new ObjectMapper().readTree(Path.of(option("--function-spec")).toFile());
        Map<String, String> environment = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> e = spec.path("Environment").path("Variables").fields();
             e.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = e.next();
            environment.put(variable.getKey(), variable.getValue().asText());
        }
        int memoryMb = spec.path("MemorySize").asInt(1024);
        Duration timeout = Duration.ofSeconds(spec.path("Timeout").asInt(60));

        List<String> stubPrefix = tasksetPrefix(options.getOrDefault("--stub-cores", ""));
        try (DynamoDbStubProcess dynamoDb = DynamoDbStubProcess.start(stubPrefix, latencyMs,
                work.resolve("dynamodb-stub.log"))) {
            Map<String, String> aws = Map.of("AWS_ENDPOINT_URL", dynamoDb.endpoint().toString(),
                    "AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");
            Path java = javaOnCore(work, options.getOrDefault("--function-core", ""));
            List<BenchedFunction> functions = new ArrayList<>();
            try {
                for (BenchedFunction.Variant variant : variants) {
                    functions.add(new BenchedFunction(variant, work, libraries, java, environment, aws, memoryMb,
                            timeout, dynamoDb, cpu));
                }
                measure(functions, first, plain);
            } finally {
                functions.forEach(BenchedFunction::close);
            }
        }
    }

    private void measure(List<BenchedFunction> functions, List<BenchBatch> first, List<BenchBatch> plain)
            throws InterruptedException {
        int warmup = number("--warmup");
        int batches = number("--batches");
        int rounds = number("--rounds");
        Map<String, List<BenchedFunction.Figure>> figures = new LinkedHashMap<>();
        Map<String, List<BenchBatch>> fed = new LinkedHashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            fed.put(functions.get(i).name(), i == 0 ? first : plain);
            figures.put(functions.get(i).name(), new ArrayList<>());
        }
        for (BenchedFunction function : functions) {
            List<BenchBatch> its = fed.get(function.name());
            for (int i = 0; i < warmup; i++) {
                BenchedFunction.Figure figure = function.invoke(its.get(i % its.size()));
                progress.printf(Locale.ROOT, "  warm-up %s %d: %d readings in %.1f ms%n", function.name(), i + 1,
                        figure.readings(), figure.durationMs());
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < functions.size(); turn++) {
                BenchedFunction function = functions.get((turn + round) % functions.size());
                List<BenchBatch> its = fed.get(function.name());
                List<BenchedFunction.Figure> ofRound = new ArrayList<>();
                for (int i = 0; i < batches; i++) {
                    ofRound.add(function.invoke(its.get((round * batches + i) % its.size())));
                }
                figures.get(function.name()).addAll(ofRound);
                progress.println("  round " + (round + 1) + " " + function.name() + ": "
                        + Summary.of(ofRound).describe());
            }
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        figures.forEach((name, list) -> summaries.put(name, Summary.of(list)));
        summaries.forEach((name, summary) -> out.println(String.format(Locale.ROOT, "%-7s", name)
                + summary.describe()));
        String firstName = functions.get(0).name();
        for (int i = 1; i < functions.size(); i++) {
            String other = functions.get(i).name();
            out.printf(Locale.ROOT, "%s/%s %.1fx%n", firstName, other,
                    summaries.get(firstName).readingsPerSecond() / summaries.get(other).readingsPerSecond());
        }
    }

    /** A java that runs on the given cores only (through taskset), or the plain java when none are given. */
    private static Path javaOnCore(Path work, String cores) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (cores.isEmpty()) {
            return java;
        }
        Path wrapper = work.resolve("java-on-cores-" + cores.replace(',', '-'));
        Files.writeString(wrapper, "#!/bin/sh\nexec taskset -c " + cores + " '" + java + "' \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    private static List<String> tasksetPrefix(String cores) {
        return cores.isEmpty() ? List.of() : List.of("taskset", "-c", cores);
    }

    /** The figures of a run of batches. */
    record Summary(int batches, long readings, double durationMs, double medianDurationMs, double cpuMs,
                   long requests) {

        static Summary of(List<BenchedFunction.Figure> figures) {
            long readings = 0;
            double duration = 0;
            double cpu = 0;
            long requests = 0;
            List<Double> durations = new ArrayList<>();
            for (BenchedFunction.Figure figure : figures) {
                readings += figure.readings();
                duration += figure.durationMs();
                cpu += figure.cpuMs();
                requests += figure.requests();
                durations.add(figure.durationMs());
            }
            durations.sort(null);
            int n = durations.size();
            double median = n % 2 == 1 ? durations.get(n / 2) : (durations.get(n / 2 - 1) + durations.get(n / 2)) / 2;
            return new Summary(n, readings, duration, median, cpu, requests);
        }

        double readingsPerSecond() {
            return readings / (durationMs / 1000.0);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d batches of %d readings: Duration median %.1f ms, CPU %.1f ms per"
                            + " 1,000 readings, %.3f DynamoDB requests per reading, %.0f readings/s",
                    batches, readings / batches, medianDurationMs, cpuMs * 1000.0 / readings,
                    (double) requests / readings, readingsPerSecond());
        }
    }
}
