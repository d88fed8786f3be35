package dev.sensorpipeline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32;

/**
 * A loopback endpoint that answers DynamoDB's JSON 1.0 protocol as DynamoDB does when every write succeeds, after a
 * set latency, and stores nothing, so that a figure measured against it is the client's:
 *
 * <ul>
 *   <li>{@code BatchWriteItem}: an empty {@code UnprocessedItems}, and with {@code ReturnConsumedCapacity} TOTAL or
 *       INDEXES, one {@code ConsumedCapacity} per table (a write unit per item);</li>
 *   <li>{@code PutItem}: {@code {}}, or its {@code ConsumedCapacity} when asked;</li>
 *   <li>{@code DescribeTable}: the table, ACTIVE, keyed as {@code SensorData} is;</li>
 *   <li>anything else: DynamoDB's {@code UnknownOperationException}, HTTP 400.</li>
 * </ul>
 *
 * Every answer carries DynamoDB's {@code x-amz-crc32} header, which the SDK checks. {@code GET /counts} tells the
 * requests answered so far, by operation ({@code BatchWriteItem=4 PutItem=0 DescribeTable=1}).
 *
 * <p>In process for the JMH benchmarks; a process of its own for scripts/bench-function.sh: {@code main} prints
 * {@code listening on PORT} and answers until its stdin closes.
 */
public final class DynamoDbStub implements AutoCloseable {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] WRITTEN = "{\"UnprocessedItems\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final long latencyNanos;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    /** Answers at once. */
    public DynamoDbStub() throws IOException {
        this(Duration.ZERO);
    }

    /** Answers every request {@code latency} after it has been read, as many at a time as come. */
    public DynamoDbStub(Duration latency) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        latencyNanos = latency.toNanos();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dynamodb-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/counts", this::counts);
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests answered so far, of every operation. */
    public long requests() {
        return requests.get();
    }

    /** {@code BatchWriteItem=4 PutItem=0 DescribeTable=1}: the requests answered so far, by operation. */
    public String counts() {
        return "BatchWriteItem=" + count("BatchWriteItem") + " PutItem=" + count("PutItem")
                + " DescribeTable=" + count("DescribeTable");
    }

    private long count(String operation) {
        LongAdder adder = byOperation.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            byte[] request = body.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length()) : String.valueOf(target);
            int status = 200;
            byte[] response;
            switch (operation) {
                case "BatchWriteItem" -> response = batchWritten(request);
                case "PutItem" -> response = put(request);
                case "DescribeTable" -> response = described(request);
                default -> {
                    status = 400;
                    response = ("{\"__type\":\"com.amazon.coral.validate#UnknownOperationException\","
                            + "\"message\":\"this endpoint answers BatchWriteItem, PutItem and DescribeTable only, not "
                            + operation + "\"}").getBytes(StandardCharsets.UTF_8);
                }
            }
            requests.incrementAndGet();
            byOperation.computeIfAbsent(operation, any -> new LongAdder()).increment();
            waitUntil(arrived + latencyNanos);
            CRC32 crc = new CRC32();
            crc.update(response);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.getResponseHeaders().add("x-amzn-RequestId", Long.toHexString(arrived));
            exchange.sendResponseHeaders(status, response.length);
            out.write(response);
        }
    }

    private static byte[] batchWritten(byte[] request) throws IOException {
        if (!wantsCapacity(request)) {
            return WRITTEN;
        }
        JsonNode items = JSON.readTree(request).path("RequestItems");
        ObjectNode response = JSON.createObjectNode();
        response.putObject("UnprocessedItems");
        ArrayNode consumed = response.putArray("ConsumedCapacity");
        for (Iterator<Map.Entry<String, JsonNode>> tables = items.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            capacity(consumed.addObject(), table.getKey(), table.getValue().size(), request);
        }
        return JSON.writeValueAsBytes(response);
    }

    private static byte[] put(byte[] request) throws IOException {
        if (!wantsCapacity(request)) {
            return EMPTY;
        }
        ObjectNode response = JSON.createObjectNode();
        capacity(response.putObject("ConsumedCapacity"), JSON.readTree(request).path("TableName").asText(), 1,
                request);
        return JSON.writeValueAsBytes(response);
    }

    private static void capacity(ObjectNode node, String table, int units, byte[] request) throws IOException {
        node.put("TableName", table).put("CapacityUnits", (double) units);
        if ("INDEXES".equals(JSON.readTree(request).path("ReturnConsumedCapacity").asText())) {
            node.putObject("Table").put("CapacityUnits", (double) units);
        }
    }

    private static boolean wantsCapacity(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        return text.contains("\"ReturnConsumedCapacity\":\"TOTAL\"")
                || text.contains("\"ReturnConsumedCapacity\":\"INDEXES\"");
    }

    private static byte[] described(byte[] request) throws IOException {
        String table = JSON.readTree(request).path("TableName").asText();
        ObjectNode description = JSON.createObjectNode();
        ObjectNode node = description.putObject("Table");
        node.put("TableName", table).put("TableStatus", "ACTIVE")
                .put("TableArn", "arn:aws:dynamodb:us-east-1:123456789012:table/" + table)
                .put("ItemCount", 0).put("TableSizeBytes", 0);
        ArrayNode keys = node.putArray("KeySchema");
        keys.addObject().put("AttributeName", "SensorId").put("KeyType", "HASH");
        keys.addObject().put("AttributeName", "CurrentTime").put("KeyType", "RANGE");
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        attributes.addObject().put("AttributeName", "SensorId").put("AttributeType", "S");
        attributes.addObject().put("AttributeName", "CurrentTime").put("AttributeType", "N");
        node.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST");
        return JSON.writeValueAsBytes(description);
    }

    private void counts(HttpExchange exchange) throws IOException {
        byte[] text = counts().getBytes(StandardCharsets.UTF_8);
        try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            body.readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, text.length);
            out.write(text);
        }
    }

    /** The latency itself: the answer is held until then, as a remote server's would be. */
    private static void waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * {@code DynamoDbStub LATENCY_MS}: answers on a free loopback port, printing {@code listening on PORT}, until
     * its stdin closes (the process that started it ended).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("[0-9]+")) {
            System.err.println("usage: DynamoDbStub LATENCY_MS (a whole number of milliseconds)");
            System.exit(2);
        }
        try (DynamoDbStub stub = new DynamoDbStub(Duration.ofMillis(Long.parseLong(args[0])))) {
            System.out.println("listening on " + stub.endpoint().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // a line from the bench is no command: only the end of stdin ends the stub
            }
        }
    }
}
