package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.base.SetupException;
import dev.sensorpipeline.local.runner.config.AliasConfigSource;
import dev.sensorpipeline.local.runner.config.ControlPlane;
import dev.sensorpipeline.local.runner.config.EventSourceMapping;
import dev.sensorpipeline.local.runner.config.FunctionArn;
import dev.sensorpipeline.local.runner.config.FunctionConfigSource;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import dev.sensorpipeline.local.runner.config.FunctionReference;
import dev.sensorpipeline.local.runner.config.MappingSelection;
import dev.sensorpipeline.local.runner.failure.Destinations;
import dev.sensorpipeline.local.runner.function.ExecutionEnvironment;
import dev.sensorpipeline.local.runner.function.LaunchPlan;
import dev.sensorpipeline.local.runner.function.RuntimeInvoker;
import dev.sensorpipeline.local.runner.function.RuntimeLibraries;
import dev.sensorpipeline.local.runner.function.TaskDirectory;
import dev.sensorpipeline.local.runner.state.StateDirectory;
import dev.sensorpipeline.local.runner.stream.ShardActivity;
import dev.sensorpipeline.local.runner.stream.StreamReadException;
import dev.sensorpipeline.local.runner.stream.StreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The local event source mapping: reads the function's Kinesis mappings, and the configuration of what they invoke
 * (the function, a version or an alias), from the endpoint, starts a poller per shard of each enabled mapping,
 * invokes the function in its own JVM, and stops when asked, when idle ({@code --until-idle}), after
 * {@code --max-runtime}, or on a fatal error.
 */
public final class Runner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_DISCARDED = 1;
    public static final int EXIT_FAILED = 4;

    private static final Duration CONFIG_REFRESH = Duration.ofSeconds(1);
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(30);
    private static final Duration SUMMARY_EVERY = Duration.ofSeconds(60);

    /**
     * What the runner uses at the endpoint: Lambda's control plane, the streams, the on-failure destinations.
     */
    public record Endpoint(ControlPlane controlPlane, StreamReader reader, Destinations destinations) {
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
     * Finds the function's Kinesis mappings whatever they invoke (with a qualified name: those of that qualifier),
     * and runs the configuration of what they invoke: with a mapping on an alias, that of the version the alias
     * points at, not $LATEST's, refetched through the alias, so that an update-alias takes effect in the next
     * execution environment, as in Lambda.
     */
    private int runUntilStopped() throws InterruptedException {
        ControlPlane controlPlane = endpoint.controlPlane();
        FunctionReference given = FunctionReference.parse(options.functionName());
        FunctionConfiguration ofGivenName = controlPlane.function(options.functionName());
        String name = ofGivenName.name();
        MappingSelection selection = MappingSelection.choose(name, given.qualifier(), ofGivenName.version(),
                controlPlane.kinesisMappings(ofGivenName), console);
        List<EventSourceMapping> mappings = selection.mappings();
        mappings.forEach(controlPlane::requireStream);
        String alias = aliasFollowed(given, selection.invokedFunctionArn());
        String invokedArn = alias == null ? selection.invokedFunctionArn()
                : FunctionArn.parse(selection.invokedFunctionArn()).qualified(alias).toString();
        FunctionConfiguration function = controlPlane.function(invokedArn);

        StateDirectory state = StateDirectory.open(options.stateDir());
        try (StateDirectory.Lock lock = state.lockFunction(name)) {
            Path functionDirectory = state.functionDirectory(name);
            RuntimeLibraries libraries = RuntimeLibraries.in(options.runtimeDir());
            TaskDirectory task = new TaskDirectory(options.functionJar(), functionDirectory.resolve("task"));
            task.prepare();
            warnIfNotTheDeployedCode(function, task.jar());
            LaunchPlan plan = new LaunchPlan(Path.of(System.getProperty("java.home"), "bin", "java"),
                    libraries.classpath(),
                    libraries.unpackNativeClient(functionDirectory.resolve("libaws-lambda-jni.so")),
                    task.root(), libraries.directory(), options.awsEnvironment());
            console.info("function " + function.name() + " version " + function.versionOrLatest() + ", invoked as "
                    + invokedArn + " (" + function.runtime() + ", handler " + function.handler()
                    + ", timeout " + function.timeout().toSeconds() + " s, memory " + function.memoryMb() + " MB)"
                    + " from " + task.jar());
            console.info("its JVM, in " + task.root() + ": " + String.join(" ", plan.command(function)));
            Supplier<FunctionConfiguration> configuration = alias == null
                    ? new FunctionConfigSource(function, () -> controlPlane.function(invokedArn), CONFIG_REFRESH,
                    System::nanoTime, console)
                    : new AliasConfigSource(alias, function, () -> controlPlane.aliasVersion(name, alias),
                    version -> controlPlane.function(name + ":" + version), console);
            if (alias != null) {
                console.info("following the alias " + alias + ": before each batch, the runner asks which version"
                        + " it points at, and runs that one");
            }
            try (RuntimeInvoker invoker = new RuntimeInvoker(configuration, config -> {
                task.prepare();
                return ExecutionEnvironment.start(config, invokedArn, plan, console);
            }, console)) {
                List<MappingRunner> runners = new ArrayList<>();
                for (EventSourceMapping mapping : mappings) {
                    runners.add(new MappingRunner(mapping, function, options.region(), endpoint.reader(), invoker,
                            state, endpoint.destinations(), options.pollInterval(), stats, console, clock, this::fail));
                }
                for (MappingRunner runner : runners) {
                    runner.start();
                }
                String why = awaitStop(runners);
                for (MappingRunner runner : runners) {
                    runner.stop();
                }
                invoker.close();
                console.info("stopped (" + why + "): " + stats.summary() + ", "
                        + RunStats.count(invoker.coldStarts(), "cold start"));
                runners.forEach(runner -> console.info("position: " + runner.positions()));
            }
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

    /**
     * The alias whose version the runner follows, as Lambda routes each invocation through it: the one the mappings
     * invoke (on AWS they name the alias), else the one given with the function's name (moto records the version
     * an alias pointed at when the mapping was made); null when the runner runs $LATEST or a fixed version.
     */
    private static String aliasFollowed(FunctionReference given, String mappingsFunctionArn) {
        FunctionArn invoked = FunctionArn.parse(mappingsFunctionArn);
        if (invoked.isAlias()) {
            return invoked.qualifier();
        }
        return FunctionArn.isAlias(given.qualifier()) ? given.qualifier() : null;
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

    /** Lambda runs the code it was given; the runner runs the local jar. Say so when they differ. */
    private void warnIfNotTheDeployedCode(FunctionConfiguration function, Path jar) {
        if (function.codeSha256() == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, read);
            }
            String local = Base64.getEncoder().encodeToString(sha256.digest());
            if (!local.equals(function.codeSha256())) {
                console.warn("the deployed code of " + function.name() + " version " + function.versionOrLatest()
                        + " (CodeSha256 " + function.codeSha256() + ") is not " + jar
                        + " (" + local + "); running the local jar. Deploy it again to keep them the same.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : message;
    }
}
