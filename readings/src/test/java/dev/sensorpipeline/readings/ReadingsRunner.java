package dev.sensorpipeline.readings;

import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs the read side as a user does, arguments in, exit code and what it printed out: in process through the main
 * command (as {@code main} runs it, with out and err captured), or as {@code java -jar sensor-readings.jar}.
 */
final class ReadingsRunner {

    static final Path JAR = ProjectFiles.resolve("readings/target/sensor-readings.jar");

    /** What a run printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        /** What it printed on stdout, line by line. */
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private final URI endpoint;

    /** Runs against {@code endpoint} with the local dummy credentials. */
    ReadingsRunner(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * {@code sensor-readings ARGS} in this JVM, pointed at the endpoint by its options (--endpoint-url, --region)
     * and given the dummy credentials the way the SDK's default chain reads them first, as system properties.
     */
    Result run(String... args) {
        System.setProperty("aws.accessKeyId", LocalAws.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", LocalAws.REGION.id()));
        return offline(all.toArray(String[]::new));
    }

    /** {@code sensor-readings ARGS} in this JVM exactly as given: for runs that must fail before they connect. */
    static Result offline(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReadingsCommand.commandLine(new ReadingsCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /**
     * {@code java -jar sensor-readings.jar ARGS} with only PATH and the local endpoint's environment
     * (AWS_ENDPOINT_URL, AWS_REGION, credentials) plus {@code extraEnvironment}, as a script runs it.
     */
    Result jar(Map<String, String> extraEnvironment, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the build's package phase first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("readings-out-", ".txt");
            Path err = Files.createTempFile("readings-err-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(LocalAws.environment(endpoint));
            builder.environment().putAll(extraEnvironment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not exit within 2 minutes: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
