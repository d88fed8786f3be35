package dev.sensorpipeline.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON side of the faults: splitting a request into the part forwarded and the part withheld, and answering for
 * the withheld part in the shape real AWS uses. No HTTP and no dice here.
 */
final class AwsJsonRewrites {

    /** Keeps numbers exactly as the upstream wrote them: a rewritten response must differ only where we mean it. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Moto's account; the messages of real Kinesis name the account, and tests read them as they would. */
    static final String ACCOUNT_ID = "123456789012";

    private static final String DYNAMODB_ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private AwsJsonRewrites() {
    }

    /** The JSON object in {@code body}, or null when it is not one: such requests go upstream to be refused there. */
    static ObjectNode parseObject(byte[] body) {
        try {
            return MAPPER.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static byte[] error(String type, String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return bytes(error);
    }

    static byte[] dynamoDbThrottled() {
        return error(DYNAMODB_ERROR_PREFIX + "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. "
                        + "Consider increasing your provisioning level with the UpdateTable API.");
    }

    static byte[] dynamoDbInternalServerError() {
        return error(DYNAMODB_ERROR_PREFIX + "InternalServerError", "Internal server error");
    }

    static byte[] kinesisThrottled(String message) {
        return error("ProvisionedThroughputExceededException", message);
    }

    /**
     * What Kinesis says when a shard is over its write limit. We cannot know which shard a refused entry would have
     * gone to without redoing Kinesis's hashing, so it names the first.
     */
    static String shardRateExceeded(ObjectNode request) {
        return "Rate exceeded for shard shardId-000000000000 in stream " + streamName(request)
                + " under account " + ACCOUNT_ID + ".";
    }

    private static String streamName(ObjectNode request) {
        String name = request.path("StreamName").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        String arn = request.path("StreamARN").asText("");
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : "unknown";
    }

    // ---- DynamoDB BatchWriteItem ----

    /** How many write requests {@code RequestItems} holds, in the order {@link #splitBatchWrite} numbers them. */
    static int countWriteRequests(ObjectNode request) {
        int count = 0;
        for (JsonNode writes : request.path("RequestItems")) {
            if (writes.isArray()) {
                count += writes.size();
            }
        }
        return count;
    }

    /**
     * A {@code BatchWriteItem} request split in two.
     *
     * @param forwarded the request with only the kept write requests; tables left without any are dropped, as
     *                  DynamoDB refuses an empty list
     * @param withheld  the withheld write requests per table: the value of {@code UnprocessedItems}
     * @param count     how many write requests were withheld
     */
    record BatchWriteSplit(ObjectNode forwarded, ObjectNode withheld, int count) {
    }

    /** Splits {@code request}: write request number {@code i} (tables in request order) is withheld if bit i is set. */
    static BatchWriteSplit splitBatchWrite(ObjectNode request, BitSet withhold) {
        ObjectNode forwarded = request.deepCopy();
        ObjectNode keptItems = forwarded.putObject("RequestItems");
        ObjectNode withheld = MAPPER.createObjectNode();
        int index = 0;
        int count = 0;
        for (Map.Entry<String, JsonNode> table : request.path("RequestItems").properties()) {
            if (!table.getValue().isArray()) {
                keptItems.set(table.getKey(), table.getValue());
                continue;
            }
            ArrayNode kept = MAPPER.createArrayNode();
            ArrayNode gone = MAPPER.createArrayNode();
            for (JsonNode write : table.getValue()) {
                if (withhold.get(index++)) {
                    gone.add(write);
                    count++;
                } else {
                    kept.add(write);
                }
            }
            if (!kept.isEmpty()) {
                keptItems.set(table.getKey(), kept);
            }
            if (!gone.isEmpty()) {
                withheld.set(table.getKey(), gone);
            }
        }
        return new BatchWriteSplit(forwarded, withheld, count);
    }

    /** The upstream's {@code BatchWriteItem} response with the withheld write requests added to UnprocessedItems. */
    static ObjectNode withUnprocessedItems(ObjectNode response, ObjectNode withheld) {
        ObjectNode merged = response.deepCopy();
        ObjectNode unprocessed = merged.get("UnprocessedItems") instanceof ObjectNode existing
                ? existing
                : merged.putObject("UnprocessedItems");
        for (Map.Entry<String, JsonNode> table : withheld.properties()) {
            ArrayNode writes = unprocessed.get(table.getKey()) instanceof ArrayNode existing
                    ? existing
                    : unprocessed.putArray(table.getKey());
            writes.addAll((ArrayNode) table.getValue());
        }
        return merged;
    }

    // ---- Kinesis PutRecords ----

    /** {@code request} with only the entries whose bit in {@code refuse} is clear, in their order. */
    static ObjectNode keepRecords(ObjectNode request, BitSet refuse) {
        ObjectNode forwarded = request.deepCopy();
        ArrayNode kept = forwarded.putArray("Records");
        int index = 0;
        for (JsonNode entry : request.path("Records")) {
            if (!refuse.get(index++)) {
                kept.add(entry);
            }
        }
        return forwarded;
    }

    /**
     * The response to the original request of {@code total} entries, from the upstream's response to the kept ones:
     * same length and order as the original, refused entries carrying the error Kinesis gives.
     *
     * @throws IllegalStateException when the upstream did not answer one result per kept entry
     */
    static ObjectNode withRefusedEntries(ObjectNode response, int total, BitSet refuse, String message) {
        JsonNode upstreamResults = response.path("Records");
        int kept = total - refuse.cardinality();
        if (!upstreamResults.isArray() || upstreamResults.size() != kept) {
            throw new IllegalStateException("upstream answered " + upstreamResults.size()
                    + " PutRecords results for " + kept + " entries");
        }
        ObjectNode merged = response.deepCopy();
        merged.put("FailedRecordCount", response.path("FailedRecordCount").asInt(0) + refuse.cardinality());
        ArrayNode results = merged.putArray("Records");
        Iterator<JsonNode> upstreamResult = upstreamResults.iterator();
        for (int i = 0; i < total; i++) {
            results.add(refuse.get(i) ? refusedEntry(message) : upstreamResult.next());
        }
        return merged;
    }

    /** The response when every entry is refused; nothing went upstream. */
    static ObjectNode allRefused(int total, String message) {
        ObjectNode response = MAPPER.createObjectNode();
        response.put("FailedRecordCount", total);
        ArrayNode results = response.putArray("Records");
        for (int i = 0; i < total; i++) {
            results.add(refusedEntry(message));
        }
        return response;
    }

    private static ObjectNode refusedEntry(String message) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("ErrorCode", "ProvisionedThroughputExceededException");
        entry.put("ErrorMessage", message);
        return entry;
    }
}
