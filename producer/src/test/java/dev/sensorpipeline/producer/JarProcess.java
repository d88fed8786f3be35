package dev.sensorpipeline.producer;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The shaded jar run as a process, as a user or a script runs it, with an environment of our choosing. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = ProjectFiles.resolve("producer/target/sensor-producer.jar");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Collector out;
    private final Collector err;

    /** What a finished run said and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    private JarProcess(Process process) {
        this.process = process;
        out = new Collector(process.getInputStream());
        err = new Collector(process.getErrorStream());
    }

    /**
     * Starts {@code java -jar sensor-producer.jar ARGS} with exactly {@code environment} plus PATH.
     *
     * @param ctrlC whether SIGINT must reach the JVM: a process started in the background of a non-interactive
     *              shell (as a build may be) inherits SIGINT ignored, and the JVM then never sees Ctrl-C; a small
     *              python exec wrapper restores the default before the JVM starts
     */
    static JarProcess start(Map<String, String> environment, boolean ctrlC, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run the build's package phase first");
        }
        List<String> command = new ArrayList<>();
        if (ctrlC) {
            command.addAll(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, "
                    + "signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new JarProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    static Result run(Map<String, String> environment, String... args) {
        try (JarProcess process = start(environment, false, args)) {
            return process.awaitExit();
        }
    }

    /** Waits until stderr so far matches {@code pattern} somewhere, or fails after the timeout. */
    void awaitStderr(Pattern pattern) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (err) {
            while (!pattern.matcher(err.text()).find()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || err.ended) {
                    throw new AssertionError("stderr never matched " + pattern + ":\n" + err.text());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(err, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    void interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the jar did not exit within " + TIMEOUT + "; stderr:\n" + err.text());
            }
            out.join();
            err.join();
            return new Result(process.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Drains a stream as it comes, waking whoever waits for a pattern in it. */
    private static final class Collector extends Thread {

        private final InputStream input;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean ended;

        Collector(InputStream input) {
            this.input = input;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (input) {
                int read;
                while ((read = input.read(buffer)) != -1) {
                    synchronized (this) {
                        bytes.write(buffer, 0, read);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // The process is gone; what was read is all there is.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
