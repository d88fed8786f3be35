package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.producer.kinesis.KinesisConnector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command in-process, as main would, and captures what it says. */
final class CommandRunner {

    /** The wall clock the tests' fleets start from when no --start-time is given: 2025-11-29T12:00:00Z. */
    static final Instant NOW = Instant.parse("2025-11-29T12:00:00Z");

    /** What a run said and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    private CommandRunner() {
    }

    /** Dependencies for a test: a fixed clock, no terminal, no shutdown hook, the given connector. */
    static Dependencies dependencies(KinesisConnector connector, StopSignal stop) {
        return new Dependencies(connector, InstantSource.fixed(NOW), System::nanoTime, () -> 0.5, () -> 42L,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(200)), stop, false, false, Map.of());
    }

    /** Dependencies for runs that must not touch AWS. */
    static Dependencies offline() {
        return dependencies(settings -> {
            throw new AssertionError("this run should not connect to AWS");
        }, new StopSignal());
    }

    static Result run(Dependencies dependencies, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ProducerCommand.commandLine(new ProducerCommand(dependencies));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
