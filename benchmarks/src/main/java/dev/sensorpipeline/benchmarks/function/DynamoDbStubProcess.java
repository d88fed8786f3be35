package dev.sensorpipeline.benchmarks.function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback DynamoDB ({@code DynamoDbStub}) in a process of its own, so that its work is never the function's:
 * started with the bench's own class path, on the cores given, ended by closing its stdin.
 */
final class DynamoDbStubProcess implements AutoCloseable {

    private static final Pattern COUNT = Pattern.compile("(BatchWriteItem|PutItem)=([0-9]+)");

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private DynamoDbStubProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts it with {@code prefix} before java (a taskset, say: may be empty); waits until it listens. */
    static DynamoDbStubProcess start(List<String> prefix, long latencyMs, Path log) {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.sensorpipeline.benchmarks.DynamoDbStub", Long.toString(latencyMs)));
        try {
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening on ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the DynamoDB stub did not start (" + line + "); see " + log);
            }
            return new DynamoDbStubProcess(process,
                    URI.create("http://127.0.0.1:" + line.substring("listening on ".length()).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the DynamoDB stub: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** BatchWriteItem and PutItem requests it has answered. */
    long writeRequests() {
        try {
            String counts = http.send(HttpRequest.newBuilder(endpoint.resolve("/counts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long total = 0;
            Matcher matcher = COUNT.matcher(counts);
            while (matcher.find()) {
                total += Long.parseLong(matcher.group(2));
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask the DynamoDB stub for its counts: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
