package dev.sensorpipeline.ingest.batch;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One Kinesis record as the function sees it, apart from the Lambda event classes.
 *
 * @param eventId        Lambda's eventID ({@code shardId-...:sequenceNumber}), unique per record of a stream
 * @param sequenceNumber the record's sequence number: what a batch item failure names
 * @param partitionKey   the key the producer put the record under
 * @param arrivalTime    when Kinesis accepted the record, or {@code null} when the event lacks it
 * @param eventSourceArn the stream's ARN, or {@code null}
 * @param data           the record's bytes, already base64-decoded by the runtime; may be {@code null} in a
 *                       hand-made event
 */
public record SourceRecord(
        String eventId,
        String sequenceNumber,
        String partitionKey,
        Instant arrivalTime,
        String eventSourceArn,
        ByteBuffer data) {

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
