package dev.sensorpipeline.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of a Lambda Kinesis event: what Kinesis stored, where, and when it arrived.
 *
 * @param shardId the shard the record was read from; with the sequence number it makes the {@code eventID}
 * @param partitionKey the record's partition key
 * @param sequenceNumber the record's sequence number, a decimal of up to 128 digits
 * @param data the record's bytes, which the event carries base64-encoded
 * @param approximateArrival when Kinesis took the record; the event carries it to the millisecond
 */
public record EventRecord(String shardId, String partitionKey, String sequenceNumber, byte[] data,
        Instant approximateArrival) {

    public EventRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(approximateArrival, "approximateArrival");
    }

    /** The record's {@code eventID} as Lambda writes it: {@code shardId:sequenceNumber}. */
    public String eventId() {
        return shardId + ":" + sequenceNumber;
    }
}
