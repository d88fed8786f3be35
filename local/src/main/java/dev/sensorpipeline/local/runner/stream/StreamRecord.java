package dev.sensorpipeline.local.runner.stream;

import java.math.BigInteger;
import java.time.Instant;

/** One Kinesis record as GetRecords returned it. */
public record StreamRecord(String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival) {

    /** The sequence number as the number it is: Kinesis' are 56 digits, moto's are 1, 2, 3... */
    public BigInteger sequence() {
        return new BigInteger(sequenceNumber);
    }
}
