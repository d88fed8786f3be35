package dev.sensorpipeline.ingest.record;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One Kinesis record as the function sees it, apart from the Lambda event classes; or one user record of a KPL
 * aggregated record, which shares its record's eventID, sequence number, arrival time and stream.
 *
 * @param eventId        Lambda's eventID ({@code shardId-...:sequenceNumber}), unique per record of a stream
 * @param sequenceNumber the record's sequence number: what a batch item failure names, for a user record too
 * @param partitionKey   the key the producer put the record under; a user record's own key
 * @param arrivalTime    when Kinesis accepted the record, or {@code null} when the event lacks it
 * @param eventSourceArn the stream's ARN, or {@code null}
 * @param data           the record's bytes, already base64-decoded by the runtime; a user record's own bytes; may
 *                       be {@code null} in a hand-made event
 * @param subIndex       a user record's index in its aggregated record (the KCL's sub-sequence number), or
 *                       {@link #WHOLE_RECORD}
 */
public record SourceRecord(
        String eventId,
        String sequenceNumber,
        String partitionKey,
        Instant arrivalTime,
        String eventSourceArn,
        ByteBuffer data,
        int subIndex) {

    /** The {@code subIndex} of a Kinesis record as it is, not a user record of an aggregate. */
    public static final int WHOLE_RECORD = -1;

    /** A Kinesis record as it is. */
    public SourceRecord(String eventId, String sequenceNumber, String partitionKey, Instant arrivalTime,
                        String eventSourceArn, ByteBuffer data) {
        this(eventId, sequenceNumber, partitionKey, arrivalTime, eventSourceArn, data, WHOLE_RECORD);
    }

    /** User record {@code index} of this aggregated record, with its own partition key and data. */
    public SourceRecord userRecord(int index, String userPartitionKey, ByteBuffer userData) {
        if (index < 0) {
            throw new IllegalArgumentException("user records count from 0, not " + index);
        }
        return new SourceRecord(eventId, sequenceNumber, userPartitionKey, arrivalTime, eventSourceArn, userData,
                index);
    }

    /** Whether this is a user record of an aggregated record. */
    public boolean isUserRecord() {
        return subIndex != WHOLE_RECORD;
    }

    /** The shard named by the eventID's prefix, or {@code null} when the eventID has none. */
    public String shardId() {
        if (eventId == null) {
            return null;
        }
        int colon = eventId.indexOf(':');
        return colon > 0 ? eventId.substring(0, colon) : null;
    }

    /** Byte count of the data, 0 when there is none. */
    public int dataLength() {
        return data == null ? 0 : data.remaining();
    }
}
