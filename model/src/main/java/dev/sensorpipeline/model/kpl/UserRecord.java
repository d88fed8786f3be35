package dev.sensorpipeline.model.kpl;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One user record of a KPL aggregated record: what a producer put, before the KPL packed it with others.
 *
 * @param partitionKey    the user record's own partition key, from the aggregate's partition key table
 * @param explicitHashKey its explicit hash key (a decimal 128-bit number), or {@code null} when it has none
 * @param data            its bytes: a view of the aggregate's bytes, not a copy, positioned at 0; do not change them
 */
public record UserRecord(String partitionKey, String explicitHashKey, ByteBuffer data) {

    public UserRecord {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
    }
}
