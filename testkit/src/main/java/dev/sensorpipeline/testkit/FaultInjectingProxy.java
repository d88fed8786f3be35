package dev.sensorpipeline.testkit;

import static dev.sensorpipeline.testkit.AwsJsonRewrites.MAPPER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

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
 */
public final class FaultInjectingProxy implements AutoCloseable {

    static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";
    static final String KINESIS_TARGET_PREFIX = "Kinesis_20131202.";
    private static final String BATCH_WRITE_ITEM = DYNAMODB_TARGET_PREFIX + "BatchWriteItem";
    private static final String PUT_RECORDS = KINESIS_TARGET_PREFIX + "PutRecords";
    private static final String PUT_RECORD = KINESIS_TARGET_PREFIX + "PutRecord";
    private static final String GET_RECORDS = KINESIS_TARGET_PREFIX + "GetRecords";

    /** Requests under this path control the proxy and are not forwarded; AWS JSON calls all go to {@code /}. */
    public static final String CONTROL_PATH = "/__fault-proxy/";

    private static final int HANDLER_THREADS = 32;
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);

    /** Hop-by-hop headers, and those the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    /** Not hop-by-hop, but the proxy must read responses to rewrite them, so it asks for them uncompressed. */
    private static final String ACCEPT_ENCODING = "accept-encoding";

    static {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK, some 40 ms a call. The server reads this once, when the JVM's first server
        // starts, so a JVM that started one before us keeps its setting and pays that delay.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final HttpClient client;
    private final AtomicReference<Dice> dice;
    private final Map<String, Counts> counts = new HashMap<>();
    /**
     * Held while a Kinesis write is upstream. Moto (5.2.1) numbers a shard's next record as its highest number plus
     * one, without a lock, so concurrent writes to a shard can get one number and the later overwrites the earlier:
     * records lost with no fault injected. Real Kinesis takes concurrent writes; this only keeps moto honest.
     */
    private final Object kinesisWrite = new Object();

    private FaultInjectingProxy(URI upstream, FaultPlan plan, HttpServer server, ExecutorService handlers) {
        this.upstream = upstream;
        this.server = server;
        this.handlers = handlers;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.dice = new AtomicReference<>(new Dice(plan));
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
        dice.set(new Dice(requireNonNull(plan)));
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

    // ---- one request ----

    private void handle(HttpExchange exchange) {
        try {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            Reply reply = request.uri().getRawPath().startsWith(CONTROL_PATH) ? control(request) : proxy(request);
            send(exchange, reply);
        } catch (IOException clientWentAway) {
            // Nobody is left to answer; the client sees its own I/O error.
        } finally {
            exchange.close();
        }
    }

    private Reply proxy(Request request) {
        Dice current = dice.get();
        String target = request.target();
        Outcome outcome;
        try {
            if (target != null && target.startsWith(DYNAMODB_TARGET_PREFIX) && current.plan.dynamoDbDown()) {
                outcome = Outcome.failed(request.awsReply(500, AwsJsonRewrites.dynamoDbInternalServerError()));
            } else if (!request.isJson()) {
                outcome = Outcome.forwarded(forward(request));
            } else if (BATCH_WRITE_ITEM.equals(target)) {
                outcome = batchWriteItem(request, current);
            } else if (PUT_RECORDS.equals(target)) {
                outcome = putRecords(request, current);
            } else if (GET_RECORDS.equals(target)) {
                outcome = getRecords(request, current);
            } else {
                outcome = Outcome.forwarded(forward(request));
            }
        } catch (UpstreamFailure | RuntimeException e) {
            // The SDK retries a 502 as it would a flaky load balancer, and the message says what went wrong.
            String message = "fault proxy: " + e.getMessage();
            outcome = Outcome.upstreamFailure(new Reply(502, Map.of("Content-Type", List.of("text/plain")),
                    message.getBytes(StandardCharsets.UTF_8)));
        }
        count(target == null ? FaultStats.NO_TARGET : target, outcome);
        return outcome.reply();
    }

    private Outcome batchWriteItem(Request request, Dice current) throws UpstreamFailure {
        ObjectNode body = AwsJsonRewrites.parseObject(request.body());
        if (body == null) {
            return Outcome.forwarded(forward(request));
        }
        FaultPlan plan = current.plan;
        int items = AwsJsonRewrites.countWriteRequests(body);
        Draw draw = current.draw(current.batchWriteItem, items, plan.leaveItemsUnprocessed());
        if (draw.call() < plan.throttleBatchWriteItem()) {
            return Outcome.throttled(request.awsReply(400, AwsJsonRewrites.dynamoDbThrottled()));
        }
        if (draw.call() < plan.throttleBatchWriteItem() + plan.failBatchWriteItem()) {
            return Outcome.failed(request.awsReply(500, AwsJsonRewrites.dynamoDbInternalServerError()));
        }
        if (draw.parts().isEmpty()) {
            return Outcome.forwarded(forward(request));
        }
        if (draw.parts().cardinality() == items) {
            // DynamoDB throttles the call when it can write none of the items, rather than return them all.
            return Outcome.throttled(request.awsReply(400, AwsJsonRewrites.dynamoDbThrottled()));
        }
        AwsJsonRewrites.BatchWriteSplit split = AwsJsonRewrites.splitBatchWrite(body, draw.parts());
        Reply reply = forward(request.withBody(AwsJsonRewrites.bytes(split.forwarded())));
        ObjectNode response = reply.status() == 200 ? AwsJsonRewrites.parseObject(reply.body()) : null;
        if (response == null) {
            // The upstream refused the call, so no item is left "unprocessed": the client sees the upstream's error.
            return Outcome.forwarded(reply);
        }
        byte[] merged = AwsJsonRewrites.bytes(AwsJsonRewrites.withUnprocessedItems(response, split.withheld()));
        return Outcome.forwarded(reply.withBody(merged)).leavingUnprocessed(split.count());
    }

    private Outcome putRecords(Request request, Dice current) throws UpstreamFailure {
        ObjectNode body = AwsJsonRewrites.parseObject(request.body());
        int entries = body != null && body.path("Records").isArray() ? body.path("Records").size() : 0;
        if (entries == 0) {
            return Outcome.forwarded(forward(request));
        }
        FaultPlan plan = current.plan;
        Draw draw = current.draw(current.putRecords, entries, plan.refusePutRecordsEntries());
        String message = AwsJsonRewrites.shardRateExceeded(body);
        if (draw.call() < plan.throttlePutRecords()) {
            return Outcome.throttled(request.awsReply(400, AwsJsonRewrites.kinesisThrottled(message)));
        }
        BitSet refuse = draw.parts();
        if (refuse.isEmpty()) {
            return Outcome.forwarded(forward(request));
        }
        if (refuse.cardinality() == entries) {
            byte[] response = AwsJsonRewrites.bytes(AwsJsonRewrites.allRefused(entries, message));
            return Outcome.answered(request.awsReply(200, response)).refusing(entries);
        }
        Reply reply = forward(request.withBody(AwsJsonRewrites.bytes(AwsJsonRewrites.keepRecords(body, refuse))));
        ObjectNode response = reply.status() == 200 ? AwsJsonRewrites.parseObject(reply.body()) : null;
        if (response == null) {
            return Outcome.forwarded(reply);
        }
        byte[] merged = AwsJsonRewrites.bytes(
                AwsJsonRewrites.withRefusedEntries(response, entries, refuse, message));
        return Outcome.forwarded(reply.withBody(merged)).refusing(refuse.cardinality());
    }

    private Outcome getRecords(Request request, Dice current) throws UpstreamFailure {
        Draw draw = current.draw(current.getRecords, 0, 0.0);
        if (draw.call() < current.plan.throttleGetRecords()) {
            // The shard iterator is opaque, so the message cannot name the shard as Kinesis's does.
            byte[] error = AwsJsonRewrites.kinesisThrottled("Rate exceeded for shard.");
            return Outcome.throttled(request.awsReply(400, error));
        }
        return Outcome.forwarded(forward(request));
    }

    private Reply forward(Request request) throws UpstreamFailure {
        String target = request.target();
        if (PUT_RECORDS.equals(target) || PUT_RECORD.equals(target)) {
            synchronized (kinesisWrite) {
                return callUpstream(request);
            }
        }
        return callUpstream(request);
    }

    private Reply callUpstream(Request request) throws UpstreamFailure {
        String base = upstream.toString().replaceFirst("/+$", "");
        String query = request.uri().getRawQuery();
        URI target = URI.create(base + request.uri().getRawPath() + (query == null ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(UPSTREAM_TIMEOUT)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !ACCEPT_ENCODING.equals(lower)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UpstreamFailure("upstream " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure("interrupted forwarding to " + target, e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
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

    private void count(String operation, Outcome outcome) {
        synchronized (counts) {
            counts.computeIfAbsent(operation, key -> new Counts()).add(outcome);
        }
    }

    // ---- control ----

    private Reply control(Request request) {
        String path = request.uri().getRawPath().substring(CONTROL_PATH.length());
        try {
            if (path.equals("stats") && request.method().equals("GET")) {
                return jsonReply(200, MAPPER.writeValueAsBytes(stats()));
            }
            if (path.equals("plan") && request.method().equals("GET")) {
                return jsonReply(200, MAPPER.writeValueAsBytes(plan()));
            }
            if (path.equals("plan") && request.method().equals("PUT")) {
                FaultPlan plan = MAPPER.readValue(request.body(), FaultPlan.class);
                setPlan(plan);
                return jsonReply(200, MAPPER.writeValueAsBytes(plan));
            }
            return jsonReply(404, AwsJsonRewrites.error("NotFound",
                    "the fault proxy answers GET " + CONTROL_PATH + "stats, GET and PUT " + CONTROL_PATH + "plan"));
        } catch (IOException | RuntimeException e) {
            return jsonReply(400, AwsJsonRewrites.error("BadPlan", String.valueOf(e.getMessage())));
        }
    }

    private static Reply jsonReply(int status, byte[] body) {
        return new Reply(status, Map.of("Content-Type", List.of("application/json")), body);
    }

    // ---- running as a process ----

    /**
     * Runs a proxy until the process is stopped: prints {@code listening on http://127.0.0.1:PORT} once it accepts
     * calls, {@code stats {JSON}} every {@code --stats-interval} seconds if given, and a last stats line on exit.
     * Exits 2 on bad arguments; {@code --help} lists them.
     */
    public static void main(String[] args) throws InterruptedException {
        ProxyCommandLine line;
        try {
            line = ProxyCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ProxyCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (line.help()) {
            System.out.println(ProxyCommandLine.USAGE);
            return;
        }
        FaultInjectingProxy proxy = start(line.upstream(), line.plan(), line.port());
        PrintStream out = System.out;
        out.println("listening on " + proxy.endpoint());
        out.flush();
        if (!line.statsInterval().isZero()) {
            ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(daemonThreads("stats-"));
            long seconds = line.statsInterval().toSeconds();
            printer.scheduleAtFixedRate(() -> printStats(proxy, out), seconds, seconds, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            printStats(proxy, out);
            proxy.close();
        }, "fault-proxy-stop"));
        new CountDownLatch(1).await();
    }

    private static void printStats(FaultInjectingProxy proxy, PrintStream out) {
        try {
            out.println("stats " + MAPPER.writeValueAsString(proxy.stats()));
            out.flush();
        } catch (JsonProcessingException e) {
            out.println("stats unavailable: " + e.getMessage());
        }
    }

    // ---- small parts ----

    private static FaultPlan requireNonNull(FaultPlan plan) {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null; FaultPlan.none() forwards everything");
        }
        return plan;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            // A proxy left open must not keep a test JVM or a script's process alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The upstream could not be reached, or did not answer. */
    private static final class UpstreamFailure extends Exception {
        UpstreamFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The plan with its dice: one {@link Random} per faulted operation, so the calls of one operation do not shift
     * the faults of another.
     */
    private static final class Dice {
        final FaultPlan plan;
        final Random batchWriteItem;
        final Random putRecords;
        final Random getRecords;

        Dice(FaultPlan plan) {
            this.plan = plan;
            this.batchWriteItem = new Random(plan.seed() * 31 + BATCH_WRITE_ITEM.hashCode());
            this.putRecords = new Random(plan.seed() * 31 + PUT_RECORDS.hashCode());
            this.getRecords = new Random(plan.seed() * 31 + GET_RECORDS.hashCode());
        }

        /**
         * One draw for the call, then one per part (item, entry), each set with probability {@code partShare}. All
         * of one call's draws are taken together, so concurrent calls cannot interleave theirs.
         */
        Draw draw(Random random, int parts, double partShare) {
            synchronized (random) {
                double call = random.nextDouble();
                BitSet chosen = new BitSet(parts);
                for (int i = 0; i < parts; i++) {
                    if (random.nextDouble() < partShare) {
                        chosen.set(i);
                    }
                }
                return new Draw(call, chosen);
            }
        }
    }

    /** The dice for one call: {@code call} in {@code [0, 1)} picks a whole-call fault, {@code parts} the parts hit. */
    private record Draw(double call, BitSet parts) {
    }

    private record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        String target() {
            return header("X-Amz-Target");
        }

        String contentType() {
            String type = header("Content-Type");
            if (type != null) {
                return type;
            }
            String target = target();
            return target != null && target.startsWith(DYNAMODB_TARGET_PREFIX)
                    ? "application/x-amz-json-1.0"
                    : "application/x-amz-json-1.1";
        }

        boolean isJson() {
            String type = contentType().toLowerCase(Locale.ROOT);
            return type.startsWith("application/x-amz-json") || type.startsWith("application/json");
        }

        Request withBody(byte[] newBody) {
            return new Request(method, uri, headers, newBody);
        }

        /** An error or answer made up by the proxy, dressed as the service would send it. */
        Reply awsReply(int status, byte[] body) {
            Map<String, List<String>> replyHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            replyHeaders.put("Content-Type", List.of(contentType()));
            replyHeaders.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
            String target = target();
            Reply reply = new Reply(status, replyHeaders, body);
            // DynamoDB signs its bodies with a CRC32 the SDK checks; a made-up answer should pass that check too.
            return target != null && target.startsWith(DYNAMODB_TARGET_PREFIX) ? reply.withBody(body, true) : reply;
        }

        private String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    private record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        /** This reply with another body; the CRC32 DynamoDB (and moto) send is recomputed, or the SDK rejects it. */
        Reply withBody(byte[] newBody) {
            boolean hasCrc = headers.keySet().stream().anyMatch("x-amz-crc32"::equalsIgnoreCase);
            return withBody(newBody, hasCrc);
        }

        Reply withBody(byte[] newBody, boolean crc) {
            Map<String, List<String>> newHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            newHeaders.putAll(headers);
            if (crc) {
                CRC32 checksum = new CRC32();
                checksum.update(newBody);
                newHeaders.put("x-amz-crc32", List.of(Long.toString(checksum.getValue())));
            }
            return new Reply(status, newHeaders, newBody);
        }
    }

    /** What the proxy did with one call, to be counted. */
    private record Outcome(Reply reply, boolean forwarded, boolean throttled, boolean failed, boolean upstreamFailure,
                           int itemsLeftUnprocessed, int entriesRefused) {

        /** Answered by the proxy itself, neither forwarded nor an error. */
        static Outcome answered(Reply reply) {
            return new Outcome(reply, false, false, false, false, 0, 0);
        }

        static Outcome forwarded(Reply reply) {
            return new Outcome(reply, true, false, false, false, 0, 0);
        }

        static Outcome throttled(Reply reply) {
            return new Outcome(reply, false, true, false, false, 0, 0);
        }

        static Outcome failed(Reply reply) {
            return new Outcome(reply, false, false, true, false, 0, 0);
        }

        static Outcome upstreamFailure(Reply reply) {
            return new Outcome(reply, false, false, false, true, 0, 0);
        }

        Outcome leavingUnprocessed(int items) {
            return new Outcome(reply, forwarded, throttled, failed, upstreamFailure, items, entriesRefused);
        }

        Outcome refusing(int entries) {
            return new Outcome(reply, forwarded, throttled, failed, upstreamFailure, itemsLeftUnprocessed, entries);
        }
    }

    /** Running counts for one operation; guarded by the proxy's {@code counts} map. */
    private static final class Counts {
        long requests;
        long forwarded;
        long throttled;
        long failed;
        long upstreamFailures;
        long itemsLeftUnprocessed;
        long entriesRefused;

        void add(Outcome outcome) {
            requests++;
            forwarded += outcome.forwarded() ? 1 : 0;
            throttled += outcome.throttled() ? 1 : 0;
            failed += outcome.failed() ? 1 : 0;
            upstreamFailures += outcome.upstreamFailure() ? 1 : 0;
            itemsLeftUnprocessed += outcome.itemsLeftUnprocessed();
            entriesRefused += outcome.entriesRefused();
        }

        FaultStats.OperationStats snapshot() {
            return new FaultStats.OperationStats(requests, forwarded, throttled, failed, upstreamFailures,
                    itemsLeftUnprocessed, entriesRefused);
        }
    }
}
