package dev.sensorpipeline.producer.delivery;

/**
 * How much one call may carry.
 *
 * @param maxRecords records per call
 * @param maxBytes   data plus partition key bytes of all records of a call
 */
public record BatchLimits(int maxRecords, int maxBytes) {

    /** Kinesis's limit on one record, data plus partition key. */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    /** One PutRecords call: at most 500 records and 5 MiB. */
    public static final BatchLimits PUT_RECORDS = new BatchLimits(500, 5 * 1024 * 1024);

    /** One PutRecord call: a single record, the book's way. */
    public static final BatchLimits PUT_RECORD = new BatchLimits(1, MAX_RECORD_BYTES);

    public BatchLimits {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("a batch holds at least one record, not " + maxRecords);
        }
        if (maxBytes < MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a batch must fit the largest record, " + MAX_RECORD_BYTES
                    + " bytes, not only " + maxBytes);
        }
    }
}
