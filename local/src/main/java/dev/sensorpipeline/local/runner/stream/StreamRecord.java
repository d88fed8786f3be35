package dev.sensorpipeline.local.runner.stream;

import dev.sensorpipeline.model.event.DynamodbChange;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * One record of a shard as the stream returned it: a Kinesis record (GetRecords of Kinesis), or a change to a
 * table's item (GetRecords of DynamoDB Streams), which {@code change} then holds.
 *
 * @param sequenceNumber     Kinesis' sequence number, or the change's {@code dynamodb.SequenceNumber}
 * @param partitionKey       the Kinesis record's; null for a table's change
 * @param data               the Kinesis record's data; empty for a table's change
 * @param approximateArrival when the record reached the stream: for a change, its ApproximateCreationDateTime
 * @param change             the table's change; null for a Kinesis record
 */
public record StreamRecord(String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival,
                           DynamodbChange change) {

    /** A Kinesis record. */
    public StreamRecord(String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival) {
        this(sequenceNumber, partitionKey, data, approximateArrival, null);
    }

    /** A change to a table's item, as its stream holds it. */
    public static StreamRecord of(DynamodbChange change) {
        return new StreamRecord(change.sequenceNumber(), null, new byte[0], change.approximateCreationDateTime(),
                change);
    }

    /** The sequence number as the number it is: Kinesis' are 56 digits, moto's are 1, 2, 3... */
    public BigInteger sequence() {
        return new BigInteger(sequenceNumber);
    }

    /** "1 record, sequence number 5", or "3 records, sequence numbers 5..7". */
    public static String describe(List<StreamRecord> records) {
        String first = records.get(0).sequenceNumber();
        String last = records.get(records.size() - 1).sequenceNumber();
        return records.size() == 1
                ? "1 record, sequence number " + first
                : records.size() + " records, sequence numbers " + first + ".." + last;
    }
}
