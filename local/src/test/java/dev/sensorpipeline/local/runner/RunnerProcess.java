package dev.sensorpipeline.local.runner;

import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code scripts/run-local.sh} as a user runs it: a process of its own, its output in files. */
final class RunnerProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RunnerProcess(List<String> command, Process process, Path stdout, Path stderr) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the script with the local endpoint's environment; idle shards are read every 200 ms. */
    static RunnerProcess start(URI endpoint, Path stateDir, String... args) {
        Path root = ProjectFiles.root();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/run-local.sh").toString(),
                "--state-dir", stateDir.toString(), "--poll-interval", "200"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("run-local-", ".out");
            Path err = Files.createTempFile("run-local-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(LocalAws.environment(endpoint));
            Process process = builder.start();
            process.getOutputStream().close();
            return new RunnerProcess(command, process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run from its start to its exit: the exit code and what it printed. */
    record Finished(int exitCode, String stdout, String stderr, List<String> reportLines) {

        /** Both, for assertion messages. */
        String output() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /** Starts the script and waits for it to exit by itself (--until-idle, --max-runtime, a failure). */
    static Finished run(URI endpoint, Path stateDir, Duration timeout, String... args) throws InterruptedException {
        try (RunnerProcess runner = start(endpoint, stateDir, args)) {
            int exitCode = runner.awaitExit(timeout);
            return new Finished(exitCode, runner.stdout(), runner.stderr(), runner.reportLines());
        }
    }

    /** Waits for the runner to exit; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runner did not exit within " + timeout + "; its output:\n" + stdout()
                    + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGTERM, as {@code kill} or a service manager stops it; Ctrl-C's SIGINT takes the same path. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both, for assertion messages. */
    String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    List<String> reportLines() {
        return stdout().lines().filter(line -> line.startsWith("REPORT RequestId:")).toList();
    }

    /** Waits until {@code condition} holds, while the runner runs; fails after {@code timeout}. */
    void awaitWhileRunning(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the runner exited (" + process.exitValue() + ") before " + what + "\n"
                        + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** Stops the runner if it still runs, and leaves its output in the test's output file. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        System.out.println("== " + String.join(" ", command) + " (exit " + process.exitValue() + ")");
        System.out.println(output());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
