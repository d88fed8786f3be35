package dev.sensorpipeline.testkit;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One request the proxy received, read whole: what it needs to route, rewrite and forward it. */
record ProxyRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** The AWS JSON operation, such as {@code Kinesis_20131202.PutRecords}; {@code null} when there is none. */
    String target() {
        return header("X-Amz-Target");
    }

    String contentType() {
        String type = header("Content-Type");
        if (type != null) {
            return type;
        }
        String target = target();
        return target != null && target.startsWith(FaultInjectingProxy.DYNAMODB_TARGET_PREFIX)
                ? "application/x-amz-json-1.0"
                : "application/x-amz-json-1.1";
    }

    /** Whether the body is JSON, which the proxy may rewrite; anything else (Kinesis CBOR) goes upstream as it is. */
    boolean isJson() {
        String type = contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-amz-json") || type.startsWith("application/json");
    }

    ProxyRequest withBody(byte[] newBody) {
        return new ProxyRequest(method, uri, headers, newBody);
    }

    /** An error or answer made up by the proxy, dressed as the service would send it. */
    ProxyReply awsReply(int status, byte[] body) {
        Map<String, List<String>> replyHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        replyHeaders.put("Content-Type", List.of(contentType()));
        replyHeaders.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
        String target = target();
        ProxyReply reply = new ProxyReply(status, replyHeaders, body);
        // DynamoDB signs its bodies with a CRC32 the SDK checks; a made-up answer should pass that check too.
        return target != null && target.startsWith(FaultInjectingProxy.DYNAMODB_TARGET_PREFIX)
                ? reply.withBody(body, true) : reply;
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
