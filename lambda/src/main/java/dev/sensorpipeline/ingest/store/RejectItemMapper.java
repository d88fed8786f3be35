package dev.sensorpipeline.ingest.store;

import dev.sensorpipeline.ingest.record.SourceRecord;
import dev.sensorpipeline.model.ReadingLimits;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a record that can never be a reading to its {@code SensorDataRejects} item, keyed by the Kinesis eventID so
 * that a retried batch overwrites the same item instead of adding another. A user record of a KPL aggregated record
 * is keyed {@code eventID#subIndex}, its index in the aggregate, and its item holds its own partition key and data.
 *
 * <p>Every value is bounded so the item stays far inside DynamoDB's 400 KB limit: at most
 * {@link ReadingLimits#MAX_RECORD_BYTES} of the raw data is kept, with its full size and a flag when cut.
 */
public final class RejectItemMapper {

    public static final String EVENT_ID = "EventId";
    public static final String REASON = "Reason";
    public static final String RAW_DATA = "RawData";
    public static final String RAW_DATA_BYTES = "RawDataBytes";
    public static final String RAW_DATA_TRUNCATED = "RawDataTruncated";
    public static final String SHARD_ID = "ShardId";
    public static final String SEQUENCE_NUMBER = "SequenceNumber";
    public static final String PARTITION_KEY = "PartitionKey";
    public static final String ARRIVAL_TIME = "ArrivalTime";
    public static final String REJECTED_AT = "RejectedAt";
    public static final String EVENT_SOURCE_ARN = "EventSourceArn";
    /** A user record's index in its aggregated record, which the KCL calls its sub-sequence number. */
    public static final String SUB_SEQUENCE_NUMBER = "SubSequenceNumber";

    private static final int MAX_REASON_CHARS = 1000;
    private static final int MAX_TEXT_CHARS = 1024;
    /** A hash key holds at most 2048 UTF-8 bytes; 600 chars stay under it whatever the characters. */
    private static final int MAX_KEY_CHARS = 600;

    public Map<String, AttributeValue> toItem(SourceRecord record, String reason, Instant rejectedAt) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.put(EVENT_ID, AttributeValue.fromS(eventIdOf(record)));
        item.put(REASON, AttributeValue.fromS(bounded(reason, MAX_REASON_CHARS)));
        item.put(RAW_DATA_BYTES, AttributeValue.fromN(Integer.toString(record.dataLength())));
        if (record.dataLength() > 0) {
            ByteBuffer data = record.data().duplicate();
            boolean truncated = data.remaining() > ReadingLimits.MAX_RECORD_BYTES;
            if (truncated) {
                data.limit(data.position() + ReadingLimits.MAX_RECORD_BYTES);
            }
            item.put(RAW_DATA, AttributeValue.fromB(SdkBytes.fromByteBuffer(data)));
            item.put(RAW_DATA_TRUNCATED, AttributeValue.fromBool(truncated));
        }
        putText(item, SHARD_ID, record.shardId());
        putText(item, SEQUENCE_NUMBER, record.sequenceNumber());
        if (record.isUserRecord()) {
            item.put(SUB_SEQUENCE_NUMBER, AttributeValue.fromN(Integer.toString(record.subIndex())));
        }
        putText(item, PARTITION_KEY, record.partitionKey());
        putText(item, EVENT_SOURCE_ARN, record.eventSourceArn());
        if (record.arrivalTime() != null) {
            item.put(ARRIVAL_TIME, AttributeValue.fromS(record.arrivalTime().toString()));
        }
        item.put(REJECTED_AT, AttributeValue.fromS(rejectedAt.toString()));
        return item;
    }

    /**
     * The reject's key: the eventID Lambda gives every record; for a hand-made event without one, the sequence
     * number, else a digest of the data, so that a replay still lands on the same item. A user record's key adds
     * {@code #} and its index in the aggregate.
     */
    static String eventIdOf(SourceRecord record) {
        String suffix = record.isUserRecord() ? "#" + record.subIndex() : "";
        if (record.eventId() != null && !record.eventId().isEmpty()) {
            return bounded(record.eventId(), MAX_KEY_CHARS) + suffix;
        }
        if (record.sequenceNumber() != null && !record.sequenceNumber().isEmpty()) {
            return "sequence:" + bounded(record.sequenceNumber(), MAX_KEY_CHARS) + suffix;
        }
        return "sha256:" + sha256(record.data()) + suffix;
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(bounded(value, MAX_TEXT_CHARS)));
        }
    }

    private static String bounded(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 3) + "...";
    }

    private static String sha256(ByteBuffer data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (data != null) {
                digest.update(data.duplicate());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
