package dev.sensorpipeline.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The real endpoint behind the proxy: forwards a request as it is, and hands back the answer whole. */
final class Upstream {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Hop-by-hop headers, and those the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");

    /** Not hop-by-hop, but the proxy must read responses to rewrite them, so it asks for them uncompressed. */
    private static final String ACCEPT_ENCODING = "accept-encoding";

    private final URI endpoint;
    private final HttpClient client;
    /**
     * Held while a Kinesis write is upstream. Moto (5.2.1) numbers a shard's next record as its highest number plus
     * one, without a lock, so concurrent writes to a shard can get one number and the later overwrites the earlier:
     * records lost with no fault injected. Real Kinesis takes concurrent writes; this only keeps moto honest.
     */
    private final Object kinesisWrite = new Object();

    Upstream(URI endpoint) {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Forwards {@code request}; Kinesis writes one at a time. */
    ProxyReply forward(ProxyRequest request) throws UpstreamFailure {
        String target = request.target();
        if (FaultInjectingProxy.PUT_RECORDS.equals(target) || FaultInjectingProxy.PUT_RECORD.equals(target)) {
            synchronized (kinesisWrite) {
                return call(request);
            }
        }
        return call(request);
    }

    private ProxyReply call(ProxyRequest request) throws UpstreamFailure {
        String base = endpoint.toString().replaceFirst("/+$", "");
        String query = request.uri().getRawQuery();
        URI target = URI.create(base + request.uri().getRawPath() + (query == null ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
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
            return new ProxyReply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UpstreamFailure("upstream " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure("interrupted forwarding to " + target, e);
        }
    }

    /** The upstream could not be reached, or did not answer. */
    static final class UpstreamFailure extends Exception {
        UpstreamFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
