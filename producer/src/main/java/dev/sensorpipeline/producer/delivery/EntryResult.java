package dev.sensorpipeline.producer.delivery;

import java.util.Objects;

/**
 * What the stream made of one entry of a call.
 *
 * @param shardId      the shard that took it, or {@code null} when refused
 * @param errorCode    why it was refused, such as {@code ProvisionedThroughputExceededException}; {@code null} when
 *                     accepted
 * @param errorMessage the stream's explanation, or {@code null}
 */
public record EntryResult(String shardId, String errorCode, String errorMessage) {

    public EntryResult {
        if ((shardId == null) == (errorCode == null)) {
            throw new IllegalArgumentException("an entry is either accepted by a shard or refused with a code");
        }
    }

    public static EntryResult accepted(String shardId) {
        return new EntryResult(Objects.requireNonNull(shardId, "shardId"), null, null);
    }

    public static EntryResult refused(String errorCode, String errorMessage) {
        return new EntryResult(null, Objects.requireNonNull(errorCode, "errorCode"), errorMessage);
    }

    public boolean isAccepted() {
        return errorCode == null;
    }
}
