package dev.sensorpipeline.local.runner.state;

import java.time.Instant;

/**
 * How far a shard is done: every record up to {@code sequenceNumber} went to the function and was acknowledged or
 * discarded; the shard resumes {@code AFTER_SEQUENCE_NUMBER} it. {@code shardEnded}: the shard is closed and was read
 * to its end, so its children may be read.
 */
public record Checkpoint(String shardId, String sequenceNumber, boolean shardEnded, Instant updatedAt) {
}
