package dev.sensorpipeline.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A loopback endpoint that answers BatchWriteItem as DynamoDB does when every item is written: an empty
 * {@code UnprocessedItems}, with DynamoDB's CRC32 header. It stores nothing, so the figure is the client's.
 */
final class DynamoDbStub implements AutoCloseable {

    private static final byte[] WRITTEN = "{\"UnprocessedItems\":{}}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();

    DynamoDbStub() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        CRC32 crc = new CRC32();
        crc.update(WRITTEN);
        String checksum = Long.toString(crc.getValue());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                body.readAllBytes();
                requests.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amz-crc32", checksum);
                exchange.sendResponseHeaders(200, WRITTEN.length);
                out.write(WRITTEN);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
