package dev.sensorpipeline.local.runner.stream;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** One Kinesis record as GetRecords returned it. */
public record StreamRecord(String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival) {

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
