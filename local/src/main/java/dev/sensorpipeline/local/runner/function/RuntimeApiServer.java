package dev.sensorpipeline.local.runner.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lambda's Runtime API (version 2018-06-01) on a loopback port, for one execution environment:
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next}: waits for an event; answers it with the headers
 *       {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms},
 *       {@code Lambda-Runtime-Invoked-Function-Arn} and {@code Lambda-Runtime-Trace-Id};</li>
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code .../{id}/error};</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error}.</li>
 * </ul>
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final String NEXT = BASE + "invocation/next";
    private static final String INVOCATION = BASE + "invocation/";
    private static final String INIT_ERROR = BASE + "init/error";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final BlockingQueue<Invocation> waiting = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Instant> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<FunctionResult.Error> initError = new CompletableFuture<>();

    private RuntimeApiServer(HttpServer server, ExecutorService executor, String functionArn) {
        this.server = server;
        this.executor = executor;
        this.functionArn = functionArn;
    }

    /** Serves on a free loopback port until closed. */
    public static RuntimeApiServer start(String functionArn) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        RuntimeApiServer api = new RuntimeApiServer(server, executor, functionArn);
        server.createContext(BASE, api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code host:port}, for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Queues an event for the runtime's next {@code next}. */
    public void submit(Invocation invocation) {
        waiting.add(invocation);
    }

    /** Completes when the runtime first asks for an event: its initialisation is over. */
    public CompletableFuture<Instant> firstPoll() {
        return firstPoll;
    }

    /** Completes when the runtime reports that it could not initialise. */
    public CompletableFuture<FunctionResult.Error> initError() {
        return initError;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && NEXT.equals(path)) {
                next(exchange);
            } else if ("POST".equals(method) && INIT_ERROR.equals(path)) {
                initError.complete(error(exchange, readBody(exchange)));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.startsWith(INVOCATION)
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                answer(exchange, path);
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"no such Runtime API resource: " + method + " " + path
                        + "\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(Instant.now());
        Invocation invocation;
        try {
            invocation = waiting.take();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant now = Instant.now();
        inFlight.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(now.plus(invocation.timeout()).toEpochMilli()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId(now));
        headers.set("Content-Type", "application/json");
        invocation.started().complete(now);
        try {
            exchange.sendResponseHeaders(200, invocation.event().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(invocation.event());
            }
        } catch (IOException e) {
            inFlight.remove(invocation.requestId());
            invocation.result().complete(new FunctionResult.Error("Runtime.Unknown",
                    "the runtime did not take the event: " + e.getMessage()));
            throw e;
        }
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        boolean error = path.endsWith("/error");
        String requestId = path.substring(INVOCATION.length(), path.lastIndexOf('/'));
        byte[] body = readBody(exchange);
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        invocation.result().complete(error ? error(exchange, body) : new FunctionResult.Response(body));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** The runtime's error document: {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}. */
    private static FunctionResult.Error error(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        String message = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode document = JSON.readTree(body);
            if (document != null && document.isObject()) {
                type = document.path("errorType").asText(type);
                message = document.path("errorMessage").asText(message);
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new FunctionResult.Error(type == null || type.isEmpty() ? "Unhandled" : type, message);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return body.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An X-Ray trace header as Lambda passes it, not sampled. */
    private static String traceId(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        random.nextBytes(root);
        random.nextBytes(parent);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(root)
                + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=0";
    }
}
