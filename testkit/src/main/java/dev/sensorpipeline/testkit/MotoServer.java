package dev.sensorpipeline.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code moto_server} on a free loopback port: DynamoDB, Kinesis, IAM and the Lambda control plane on one
 * endpoint. Tests share one per JVM through {@link #shared()}; it stops when the JVM exits.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path logFile;

    private MotoServer(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    /** The server all tests of this JVM share; started on first use. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            MotoServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
        }
        return shared;
    }

    /**
     * {@code MOTO_SERVER} when set; else scripts/moto_server.py, as the scripts run it: moto's server with its own
     * hand-off of stream records to mapped functions turned off (the local runner plays the mappings, as Lambda
     * polls).
     */
    private static List<String> serverCommand() {
        String override = System.getenv("MOTO_SERVER");
        if (override != null && !override.isBlank()) {
            return List.of(override);
        }
        return List.of("python3", ProjectFiles.root().resolve("scripts/moto_server.py").toString());
    }

    /** Starts a server of one's own; close it when done. */
    public static MotoServer start() {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>(serverCommand());
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        try {
            Path logFile = Files.createTempFile("moto-server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            Process process = builder.start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), logFile);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start '" + String.join(" ", command) + "': " + e.getMessage()
                    + ". Install it with: pip install 'moto[server]'", e);
        }
    }

    /** The endpoint to give the SDK or the aws CLI as {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Drops every resource the server holds, so a test starts from nothing. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** What the server has logged so far: one line per request, and any error it met. */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read moto's log " + logFile + ": " + e.getMessage(), e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A loopback port free at the time of asking. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
