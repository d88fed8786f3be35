package dev.sensorpipeline.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sensorpipeline.testkit.Upstream.UpstreamFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP proxy in front of a real endpoint (moto) that injects the faults real AWS produces and moto never
 * does, for AWS JSON-protocol calls:
 * <ul>
 *   <li>DynamoDB {@code BatchWriteItem}: HTTP 400 {@code ProvisionedThroughputExceededException} or HTTP 500
 *       {@code InternalServerError} without forwarding; or forwarding only some write requests and returning the
 *       others in {@code UnprocessedItems}, as DynamoDB does under partial throttling. When every write request of a
 *       call would be withheld, the call is answered 400 throttling instead, as DynamoDB does when it can write none.
 *   <li>every DynamoDB call answered HTTP 500 while the plan says DynamoDB is down.
 *   <li>Kinesis {@code PutRecords}: entries refused with {@code ErrorCode: ProvisionedThroughputExceededException}
 *       (only the others are forwarded; the response keeps the original length and order), or the whole call
 *       throttled.
 *   <li>Kinesis {@code GetRecords}: calls throttled.
 * </ul>
 * Everything else, and any request that is not JSON (such as Kinesis CBOR), is forwarded untouched. Faults are drawn
 * from one seeded {@link Random} per faulted operation, so for a given plan the faults depend only on the order of
 * that operation's calls. It serves concurrent requests, and {@link #setPlan} and {@link #stats} may be called at any
 * time from any thread. Kinesis writes alone go upstream one at a time, because moto loses records written to a shard
 * concurrently.
 *
 * <p>Runs in a test with {@link #start}, or as a process through {@link #main} for scripts; a running proxy also
 * answers {@code GET /__fault-proxy/stats} and {@code GET|PUT /__fault-proxy/plan}.
 *
 * <p>This class is the server and the routing; the parts are apart: {@link Upstream} forwards, {@link FaultDice}
 * draws, one {@link OperationFault} per faulted operation rewrites, {@link ControlApi} answers the control calls
 * and {@link ProxyProcess} is the command line.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";
    static final String KINESIS_TARGET_PREFIX = "Kinesis_20131202.";
    static final String BATCH_WRITE_ITEM = DYNAMODB_TARGET_PREFIX + "BatchWriteItem";
    static final String PUT_RECORDS = KINESIS_TARGET_PREFIX + "PutRecords";
    static final String PUT_RECORD = KINESIS_TARGET_PREFIX + "PutRecord";
    static final String GET_RECORDS = KINESIS_TARGET_PREFIX + "GetRecords";

    /** Requests under this path control the proxy and are not forwarded; AWS JSON calls all go to {@code /}. */
    public static final String CONTROL_PATH = "/__fault-proxy/";

    private static final int HANDLER_THREADS = 32;

    /** The faulted operations by {@code X-Amz-Target}; any other goes upstream untouched. */
    private static final Map<String, OperationFault> FAULTS = Map.of(
            BATCH_WRITE_ITEM, new BatchWriteItemFault(),
            PUT_RECORDS, new PutRecordsFault(),
            GET_RECORDS, new GetRecordsFault());
    private static final OperationFault DYNAMODB_DOWN = new DynamoDbDownFault();

    static {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK, some 40 ms a call. The server reads this once, when the JVM's first server
        // starts, so a JVM that started one before us keeps its setting and pays that delay.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Upstream upstream;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final AtomicReference<FaultDice> dice;
    private final ControlApi control = new ControlApi(this);
    private final Map<String, OperationCounts> counts = new HashMap<>();

    private FaultInjectingProxy(URI upstream, FaultPlan plan, HttpServer server, ExecutorService handlers) {
        this.upstream = new Upstream(upstream);
        this.server = server;
        this.handlers = handlers;
        this.dice = new AtomicReference<>(new FaultDice(plan));
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream}. */
    public static FaultInjectingProxy start(URI upstream, FaultPlan plan) {
        return start(upstream, plan, 0);
    }

    /** Starts a proxy on the given loopback port ({@code 0}: a free one) in front of {@code upstream}. */
    public static FaultInjectingProxy start(URI upstream, FaultPlan plan, int port) {
        if (upstream == null || !"http".equals(upstream.getScheme()) || upstream.getHost() == null) {
            throw new IllegalArgumentException("upstream must be an http:// URL, was " + upstream);
        }
        requireNonNull(plan);
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads("fault-proxy-"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            FaultInjectingProxy proxy = new FaultInjectingProxy(upstream, plan, server, handlers);
            server.createContext("/", proxy::handle);
            server.setExecutor(handlers);
            server.start();
            return proxy;
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new IllegalStateException("fault proxy cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /** The endpoint to use as {@code endpointOverride} or {@code AWS_ENDPOINT_URL}: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** The plan in force. */
    public FaultPlan plan() {
        return dice.get().plan;
    }

    /**
     * Switches to {@code plan}, with dice fresh from its seed, for the calls that arrive from now on; calls in
     * flight finish under the plan they started with.
     */
    public void setPlan(FaultPlan plan) {
        dice.set(new FaultDice(requireNonNull(plan)));
    }

    /** What the proxy has done since it started. */
    public FaultStats stats() {
        Map<String, FaultStats.OperationStats> snapshot = new HashMap<>();
        synchronized (counts) {
            counts.forEach((operation, count) -> snapshot.put(operation, count.snapshot()));
        }
        return new FaultStats(snapshot);
    }

    /** Stops listening; calls in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /**
     * Runs a proxy until the process is stopped: prints {@code listening on http://127.0.0.1:PORT} once it accepts
     * calls, {@code stats {JSON}} every {@code --stats-interval} seconds if given, and a last stats line on exit.
     * Exits 2 on bad arguments; {@code --help} lists them.
     */
    public static void main(String[] args) throws InterruptedException {
        ProxyProcess.run(args);
    }

    // ---- one request ----

    private void handle(HttpExchange exchange) {
        try {
            ProxyRequest request = new ProxyRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            send(exchange, ControlApi.isControl(request) ? control.handle(request) : proxy(request));
        } catch (IOException clientWentAway) {
            // Nobody is left to answer; the client sees its own I/O error.
        } finally {
            exchange.close();
        }
    }

    private ProxyReply proxy(ProxyRequest request) {
        FaultDice current = dice.get();
        String target = request.target();
        ProxyOutcome outcome;
        try {
            if (DynamoDbDownFault.applies(request, current)) {
                outcome = DYNAMODB_DOWN.handle(request, current, upstream);
            } else if (target != null && request.isJson() && FAULTS.containsKey(target)) {
                outcome = FAULTS.get(target).handle(request, current, upstream);
            } else {
                outcome = ProxyOutcome.forwarded(upstream.forward(request));
            }
        } catch (UpstreamFailure | RuntimeException e) {
            // The SDK retries a 502 as it would a flaky load balancer, and the message says what went wrong.
            String message = "fault proxy: " + e.getMessage();
            outcome = ProxyOutcome.upstreamFailure(new ProxyReply(502, Map.of("Content-Type", List.of("text/plain")),
                    message.getBytes(StandardCharsets.UTF_8)));
        }
        count(target == null ? FaultStats.NO_TARGET : target, outcome);
        return outcome.reply();
    }

    private static void send(HttpExchange exchange, ProxyReply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        byte[] body = reply.body();
        // -1 tells the JDK server there is no body; 0 would mean a chunked one.
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void count(String operation, ProxyOutcome outcome) {
        synchronized (counts) {
            counts.computeIfAbsent(operation, key -> new OperationCounts()).add(outcome);
        }
    }

    // ---- small parts ----

    private static FaultPlan requireNonNull(FaultPlan plan) {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null; FaultPlan.none() forwards everything");
        }
        return plan;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            // A proxy left open must not keep a test JVM or a script's process alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
