package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.base.RunStats;
import dev.sensorpipeline.local.runner.config.AliasConfigSource;
import dev.sensorpipeline.local.runner.config.ControlPlane;
import dev.sensorpipeline.local.runner.config.EventSourceMapping;
import dev.sensorpipeline.local.runner.config.FunctionArn;
import dev.sensorpipeline.local.runner.config.FunctionConfigSource;
import dev.sensorpipeline.local.runner.config.FunctionConfiguration;
import dev.sensorpipeline.local.runner.config.FunctionReference;
import dev.sensorpipeline.local.runner.config.MappingSelection;
import dev.sensorpipeline.local.runner.function.ExecutionEnvironment;
import dev.sensorpipeline.local.runner.function.LaunchPlan;
import dev.sensorpipeline.local.runner.function.RuntimeInvoker;
import dev.sensorpipeline.local.runner.function.RuntimeLibraries;
import dev.sensorpipeline.local.runner.function.TaskDirectory;
import dev.sensorpipeline.local.runner.state.StateDirectory;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One function at work: the configuration its mappings invoke, its code, its lock in the state folder, its own
 * execution environment (a JVM of its own, one invocation at a time), and a {@link MappingRunner} per mapping.
 */
final class FunctionRun implements AutoCloseable {

    private static final Duration CONFIG_REFRESH = Duration.ofSeconds(1);

    /**
     * What to run for one function.
     *
     * @param given     the function as given with --function-name (or its bare name, when every mapping runs)
     * @param selection its enabled mappings, and what they invoke
     * @param jar       its code
     */
    record Plan(String name, FunctionReference given, MappingSelection selection, Path jar) {
    }

    private final StateDirectory.Lock lock;
    private final RuntimeInvoker invoker;
    private final List<MappingRunner> runners;

    private FunctionRun(StateDirectory.Lock lock, RuntimeInvoker invoker, List<MappingRunner> runners) {
        this.lock = lock;
        this.invoker = invoker;
        this.runners = List.copyOf(runners);
    }

    /**
     * Takes the function's lock and prepares its code and its mappings' pollers; nothing runs until
     * {@link #start()}. With a mapping on an alias, the configuration of the version the alias points at runs,
     * refetched through the alias, so that an update-alias takes effect in the next execution environment.
     */
    static FunctionRun open(Plan plan, RunnerOptions options, Runner.Endpoint endpoint, StateDirectory state,
                            RunStats stats, Console console, Clock clock, Consumer<Throwable> onFatal) {
        ControlPlane controlPlane = endpoint.controlPlane();
        String name = plan.name();
        plan.selection().mappings().forEach(controlPlane::requireStream);
        String alias = aliasFollowed(plan.given(), plan.selection().invokedFunctionArn());
        String invokedArn = alias == null ? plan.selection().invokedFunctionArn()
                : FunctionArn.parse(plan.selection().invokedFunctionArn()).qualified(alias).toString();
        FunctionConfiguration function = controlPlane.function(invokedArn);

        StateDirectory.Lock lock = state.lockFunction(name);
        try {
            Path functionDirectory = state.functionDirectory(name);
            RuntimeLibraries libraries = RuntimeLibraries.in(options.runtimeDir());
            TaskDirectory task = new TaskDirectory(plan.jar(), functionDirectory.resolve("task"));
            task.prepare();
            warnIfNotTheDeployedCode(function, task.jar(), console);
            LaunchPlan launch = new LaunchPlan(Path.of(System.getProperty("java.home"), "bin", "java"),
                    libraries.classpath(),
                    libraries.unpackNativeClient(functionDirectory.resolve("libaws-lambda-jni.so")),
                    task.root(), libraries.directory(), options.awsEnvironment());
            console.info("function " + function.name() + " version " + function.versionOrLatest() + ", invoked as "
                    + invokedArn + " (" + function.runtime() + ", handler " + function.handler()
                    + ", timeout " + function.timeout().toSeconds() + " s, memory " + function.memoryMb() + " MB)"
                    + " from " + task.jar());
            console.info("its JVM, in " + task.root() + ": " + String.join(" ", launch.command(function)));
            Supplier<FunctionConfiguration> configuration = alias == null
                    ? new FunctionConfigSource(function, () -> controlPlane.function(invokedArn), CONFIG_REFRESH,
                    System::nanoTime, console)
                    : new AliasConfigSource(alias, function, () -> controlPlane.aliasVersion(name, alias),
                    version -> controlPlane.function(name + ":" + version), console);
            if (alias != null) {
                console.info("following the alias " + alias + ": before each batch, the runner asks which version"
                        + " it points at, and runs that one");
            }
            RuntimeInvoker invoker = new RuntimeInvoker(configuration, config -> {
                task.prepare();
                return ExecutionEnvironment.start(config, invokedArn, launch, console);
            }, console);
            List<MappingRunner> runners = new ArrayList<>();
            for (EventSourceMapping mapping : plan.selection().mappings()) {
                runners.add(new MappingRunner(mapping, function, options.region(), endpoint.readerFor(mapping), invoker,
                        state, endpoint.destinations(), options.pollInterval(), stats, console, clock, onFatal));
            }
            return new FunctionRun(lock, invoker, runners);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    List<MappingRunner> runners() {
        return runners;
    }

    void start() {
        runners.forEach(MappingRunner::start);
    }

    /** Stops the pollers, then the function's JVM. */
    void stop() throws InterruptedException {
        for (MappingRunner runner : runners) {
            runner.stop();
        }
        invoker.close();
    }

    int coldStarts() {
        return invoker.coldStarts();
    }

    @Override
    public void close() {
        try {
            invoker.close();
        } finally {
            lock.close();
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

    /** Lambda runs the code it was given; the runner runs the local jar. Say so when they differ. */
    private static void warnIfNotTheDeployedCode(FunctionConfiguration function, Path jar, Console console) {
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
}
