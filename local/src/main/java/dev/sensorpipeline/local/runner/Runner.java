package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.base.SetupException;
import dev.sensorpipeline.local.runner.config.ControlPlane;
import dev.sensorpipeline.local.runner.config.EventSourceMapping;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import dev.sensorpipeline.local.runner.config.FunctionReference;
import dev.sensorpipeline.local.runner.config.MappingSelection;
import dev.sensorpipeline.local.runner.failure.Destinations;
import dev.sensorpipeline.local.runner.state.StateDirectory;
import dev.sensorpipeline.local.runner.stream.ShardActivity;
import dev.sensorpipeline.local.runner.stream.StreamReadException;
import dev.sensorpipeline.local.runner.stream.StreamReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local event source mapping: reads the function's mappings (or every enabled mapping at the endpoint), and the
 * configuration of what they invoke (the function, a version or an alias), from the endpoint, starts a poller per
 * shard of each enabled mapping, invokes each function in a JVM of its own, and stops when asked, when idle ({@code --until-idle}), after
 * {@code --max-runtime}, or on a fatal error.
 */
public final class Runner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_DISCARDED = 1;
    public static final int EXIT_FAILED = 4;

    private static final Duration SHARD_REFRESH = Duration.ofSeconds(30);
    private static final Duration SUMMARY_EVERY = Duration.ofSeconds(60);

    /**
     * What the runner uses at the endpoint: Lambda's control plane, the streams (Kinesis', DynamoDB's), the
     * on-failure destinations.
     */
    public record Endpoint(ControlPlane controlPlane, StreamReader kinesis, StreamReader dynamodbStreams,
                           Destinations destinations) {

        /** The reader of the mapping's stream. */
        StreamReader readerFor(EventSourceMapping mapping) {
            return mapping.isDynamodbStream() ? dynamodbStreams : kinesis;
        }
    }

    private final RunnerOptions options;
    private final Endpoint endpoint;
    private final Console console;
    private final Clock clock;
    private final RunStats stats = new RunStats();
    private final CompletableFuture<String> stop = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Throwable fatal;
    private volatile int exitCode = EXIT_FAILED;

    public Runner(RunnerOptions options, Endpoint endpoint, Console console, Clock clock) {
        this.options = options;
        this.endpoint = endpoint;
        this.console = console;
        this.clock = clock;
    }

    /** Runs until stopped; returns the exit code. Throws {@link SetupException} when something is missing. */
    public int run() throws InterruptedException {
        try {
            exitCode = runUntilStopped();
            return exitCode;
        } finally {
            finished.countDown();
        }
    }

    /**
     * Asks a running {@link #run()} to stop, and waits up to {@code wait} for it to finish; returns its exit code,
     * or empty when it did not finish in time.
     */
    public java.util.OptionalInt stopAndWait(String why, Duration wait) throws InterruptedException {
        stop.complete(why);
        return finished.await(wait.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(exitCode) : java.util.OptionalInt.empty();
    }

    public RunStats stats() {
        return stats;
    }

    /**
     * Runs the chosen function's mappings (--function-name), or every enabled mapping at the endpoint, each
     * function in an execution environment of its own.
     */
    private int runUntilStopped() throws InterruptedException {
        List<FunctionRun.Plan> plans = plans();
        StateDirectory state = StateDirectory.open(options.stateDir());
        List<FunctionRun> functions = new ArrayList<>();
        try {
            for (FunctionRun.Plan plan : plans) {
                functions.add(FunctionRun.open(plan, options, endpoint, state, stats, console, clock, this::fail));
            }
            List<MappingRunner> runners = new ArrayList<>();
            functions.forEach(function -> runners.addAll(function.runners()));
            functions.forEach(FunctionRun::start);
            String why = awaitStop(runners);
            for (FunctionRun function : functions) {
                function.stop();
            }
            int coldStarts = functions.stream().mapToInt(FunctionRun::coldStarts).sum();
            console.info("stopped (" + why + "): " + stats.summary() + ", " + RunStats.count(coldStarts, "cold start"));
            runners.forEach(runner -> console.info("position: " + runner.positions()));
        } finally {
            functions.forEach(FunctionRun::close);
        }
        if (fatal != null) {
            console.warn("failed: " + describe(fatal));
            // What the runner expects to meet says what it is in its message; anything else is a bug to report.
            if (!(fatal instanceof SetupException || fatal instanceof StreamReadException)) {
                fatal.printStackTrace();
            }
            return EXIT_FAILED;
        }
        if (stats.discarded() > 0) {
            console.warn(RunStats.count(stats.discarded(), "record") + " discarded in this run; see the DISCARDED"
                    + " lines above");
            return EXIT_DISCARDED;
        }
        return EXIT_OK;
    }

    /**
     * What to run: with --function-name, that function's mappings whatever they invoke (with a qualified name: those
     * of that qualifier); without, every enabled mapping at the endpoint, by the function it invokes.
     */
    private List<FunctionRun.Plan> plans() {
        ControlPlane controlPlane = endpoint.controlPlane();
        if (options.functionName() != null) {
            FunctionReference given = FunctionReference.parse(options.functionName());
            FunctionConfiguration ofGivenName = controlPlane.function(options.functionName());
            String name = ofGivenName.name();
            MappingSelection selection = MappingSelection.choose(name, given.qualifier(), ofGivenName.version(),
                    controlPlane.streamMappings(ofGivenName), console);
            return List.of(new FunctionRun.Plan(name, given, selection, options.functionJars().forChosen(name)));
        }
        Map<String, List<EventSourceMapping>> byFunction = new LinkedHashMap<>();
        for (EventSourceMapping mapping : controlPlane.everyStreamMapping()) {
            if (mapping.isEnabled()) {
                byFunction.computeIfAbsent(mapping.invokedFunction().name(), name -> new ArrayList<>()).add(mapping);
            } else {
                console.warn("mapping " + mapping.uuid() + " (" + mapping.functionArn() + ") is " + mapping.state()
                        + "; not reading it");
            }
        }
        if (byFunction.isEmpty()) {
            throw new SetupException("every event source mapping at " + options.endpoint() + " is disabled: enable"
                    + " one with aws lambda update-event-source-mapping --enabled --uuid UUID");
        }
        List<FunctionRun.Plan> plans = new ArrayList<>();
        byFunction.forEach((name, mappings) -> plans.add(new FunctionRun.Plan(name, FunctionReference.parse(name),
                MappingSelection.choose(name, null, null, mappings, console), options.functionJars().forEvery(name))));
        console.info("running every enabled event source mapping at " + options.endpoint() + ": "
                + RunStats.count(plans.size(), "function") + " (" + String.join(", ", byFunction.keySet()) + ")");
        return plans;
    }

    private String awaitStop(List<MappingRunner> runners) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "runner-schedule");
            thread.setDaemon(true);
            return thread;
        });
        long startedAt = System.nanoTime();
        try {
            scheduler.scheduleWithFixedDelay(() -> checkLimits(runners, startedAt), 100, 100, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(() -> runners.forEach(MappingRunner::refreshShards),
                    SHARD_REFRESH.toMillis(), SHARD_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            String[] lastSummary = {stats.summary()};
            scheduler.scheduleWithFixedDelay(() -> {
                String summary = stats.summary();
                if (!summary.equals(lastSummary[0])) {
                    console.info("so far: " + summary);
                    lastSummary[0] = summary;
                }
            }, SUMMARY_EVERY.toMillis(), SUMMARY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return stop.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return "failed";
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void checkLimits(List<MappingRunner> runners, long startedAt) {
        long now = System.nanoTime();
        if (options.maxRuntime() != null && now - startedAt >= options.maxRuntime().toNanos()) {
            stop.complete("--max-runtime " + options.maxRuntime().toSeconds() + " s reached");
            return;
        }
        if (options.untilIdle() == null) {
            return;
        }
        List<ShardActivity> activities = new ArrayList<>();
        runners.forEach(runner -> activities.addAll(runner.activities()));
        if (activities.isEmpty() || !activities.stream().allMatch(ShardActivity::isCaughtUp)) {
            return;
        }
        long lastBusy = activities.stream().mapToLong(ShardActivity::caughtUpSince).max().orElse(now);
        if (now - lastBusy >= options.untilIdle().toNanos()) {
            stop.complete("every shard caught up and idle for " + options.untilIdle().toMillis() / 1000.0 + " s");
        }
    }

    private void fail(Throwable error) {
        fatal = error;
        stop.complete("failed");
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : message;
    }
}
