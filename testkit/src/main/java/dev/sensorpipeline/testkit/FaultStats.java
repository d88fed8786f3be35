package dev.sensorpipeline.testkit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FaultInjectingProxy} has done so far: an immutable snapshot of counts per operation, keyed by the
 * request's {@code X-Amz-Target} (such as {@code DynamoDB_20120810.BatchWriteItem}). A request is counted once it
 * has been answered, all its counts at once, so a snapshot never shows half a request.
 *
 * @param operations counts per {@code X-Amz-Target}; requests without one are under {@link #NO_TARGET}
 */
public record FaultStats(Map<String, OperationStats> operations) {

    /** The key of requests that carry no {@code X-Amz-Target} header. */
    public static final String NO_TARGET = "(no X-Amz-Target)";

    public FaultStats {
        operations = Collections.unmodifiableMap(new TreeMap<>(operations));
    }

    /** The counts of a DynamoDB operation, such as {@code "BatchWriteItem"}; zeros if it was never called. */
    public OperationStats dynamoDb(String operation) {
        return operation(FaultInjectingProxy.DYNAMODB_TARGET_PREFIX + operation);
    }

    /** The counts of a Kinesis operation, such as {@code "PutRecords"}; zeros if it was never called. */
    public OperationStats kinesis(String operation) {
        return operation(FaultInjectingProxy.KINESIS_TARGET_PREFIX + operation);
    }

    /** The counts of the operation with this {@code X-Amz-Target}; zeros if it was never called. */
    public OperationStats operation(String target) {
        return operations.getOrDefault(target, OperationStats.ZERO);
    }

    /** The counts of all operations added up. */
    public OperationStats total() {
        return operations.values().stream().reduce(OperationStats.ZERO, OperationStats::plus);
    }

    /**
     * Counts for one operation.
     *
     * @param requests             requests answered
     * @param forwarded            requests sent to the upstream, whole or in part
     * @param throttled            requests answered HTTP 400 throttling by the proxy itself
     * @param failed               requests answered HTTP 5xx by the proxy itself (injected errors, DynamoDB down)
     * @param upstreamFailures     requests answered HTTP 502 because the upstream could not be reached or made sense of
     * @param itemsLeftUnprocessed {@code BatchWriteItem} write requests withheld and returned in
     *                             {@code UnprocessedItems}
     * @param entriesRefused       {@code PutRecords} entries withheld and answered with an {@code ErrorCode}
     */
    public record OperationStats(
            long requests,
            long forwarded,
            long throttled,
            long failed,
            long upstreamFailures,
            long itemsLeftUnprocessed,
            long entriesRefused) {

        public static final OperationStats ZERO = new OperationStats(0, 0, 0, 0, 0, 0, 0);

        public OperationStats plus(OperationStats other) {
            return new OperationStats(
                    requests + other.requests,
                    forwarded + other.forwarded,
                    throttled + other.throttled,
                    failed + other.failed,
                    upstreamFailures + other.upstreamFailures,
                    itemsLeftUnprocessed + other.itemsLeftUnprocessed,
                    entriesRefused + other.entriesRefused);
        }
    }
}
