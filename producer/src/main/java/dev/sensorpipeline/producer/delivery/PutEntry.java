package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.SensorReading;
import java.util.Objects;

/**
 * One record to put: a reading, its encoded bytes and the partition key that picks its shard; or a KPL aggregated
 * record of several readings.
 *
 * @param position        the reading's place in the fleet's sequence, from 0; an aggregate's first reading's
 * @param reading         the reading, for reports and event files; an aggregate's first, and earliest, reading
 * @param partitionKey    1 to 256 characters; Kinesis hashes it to choose the shard, unless an explicit hash key
 *                        is given
 * @param data            the reading as the function will decode it, or the aggregate; not copied, so do not
 *                        change it
 * @param explicitHashKey the hash key that picks the shard instead of the partition key's, or {@code null}
 * @param readings        how many readings the record carries: 1, or an aggregate's count
 */
public record PutEntry(long position, SensorReading reading, String partitionKey, byte[] data,
                       String explicitHashKey, int readings) {

    /** Kinesis's limit on a partition key, in Unicode characters. */
    public static final int MAX_PARTITION_KEY_CHARS = 256;

    /** A record of one reading, routed by its partition key. */
    public PutEntry(long position, SensorReading reading, String partitionKey, byte[] data) {
        this(position, reading, partitionKey, data, null, 1);
    }

    public PutEntry {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
        if (readings < 1) {
            throw new IllegalArgumentException("a record carries at least one reading, not " + readings);
        }
        int keyChars = partitionKey.codePointCount(0, partitionKey.length());
        if (keyChars < 1 || keyChars > MAX_PARTITION_KEY_CHARS) {
            throw new IllegalArgumentException("a partition key has 1 to " + MAX_PARTITION_KEY_CHARS
                    + " characters; this one has " + keyChars);
        }
        if (data.length + utf8Length(partitionKey) > BatchLimits.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a record is at most " + BatchLimits.MAX_RECORD_BYTES
                    + " bytes with its partition key; this one is " + (data.length + utf8Length(partitionKey)));
        }
    }

    /** What the record counts against PutRecords' size limits: its data and its partition key, in bytes. */
    public int size() {
        return data.length + utf8Length(partitionKey);
    }

    /** Whether the record is a KPL aggregate of several readings. */
    public boolean isAggregate() {
        return readings > 1;
    }

    /** UTF-8 bytes of a partition key, as Kinesis counts them. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
