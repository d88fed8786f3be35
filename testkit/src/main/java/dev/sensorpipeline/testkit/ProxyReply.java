package dev.sensorpipeline.testkit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/** One answer the proxy sends: the upstream's, rewritten or not, or one it made up. */
record ProxyReply(int status, Map<String, List<String>> headers, byte[] body) {

    /** A JSON answer of the proxy's own, such as the control API's. */
    static ProxyReply json(int status, byte[] body) {
        return new ProxyReply(status, Map.of("Content-Type", List.of("application/json")), body);
    }

    /** This reply with another body; the CRC32 DynamoDB (and moto) send is recomputed, or the SDK rejects it. */
    ProxyReply withBody(byte[] newBody) {
        boolean hasCrc = headers.keySet().stream().anyMatch("x-amz-crc32"::equalsIgnoreCase);
        return withBody(newBody, hasCrc);
    }

    ProxyReply withBody(byte[] newBody, boolean crc) {
        Map<String, List<String>> newHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        newHeaders.putAll(headers);
        if (crc) {
            CRC32 checksum = new CRC32();
            checksum.update(newBody);
            newHeaders.put("x-amz-crc32", List.of(Long.toString(checksum.getValue())));
        }
        return new ProxyReply(status, newHeaders, newBody);
    }
}
