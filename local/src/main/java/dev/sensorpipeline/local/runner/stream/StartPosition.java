package dev.sensorpipeline.local.runner.stream;

import java.time.Instant;

/** Where a shard iterator starts: GetShardIterator's ShardIteratorType with its argument. */
public record StartPosition(Type type, String sequenceNumber, Instant timestamp) {

    /** Kinesis' shard iterator types. */
    public enum Type { TRIM_HORIZON, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER }

    public static StartPosition trimHorizon() {
        return new StartPosition(Type.TRIM_HORIZON, null, null);
    }

    public static StartPosition latest() {
        return new StartPosition(Type.LATEST, null, null);
    }

    public static StartPosition atTimestamp(Instant timestamp) {
        return new StartPosition(Type.AT_TIMESTAMP, null, timestamp);
    }

    public static StartPosition afterSequenceNumber(String sequenceNumber) {
        return new StartPosition(Type.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    @Override
    public String toString() {
        return switch (type) {
            case AT_TIMESTAMP -> "AT_TIMESTAMP " + timestamp;
            case AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER -> type + " " + sequenceNumber;
            default -> type.name();
        };
    }
}
