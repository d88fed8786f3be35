package dev.sensorpipeline.local.runner.failure;

import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.List;
import java.util.Objects;

/**
 * Records of one shard the mapping gives up on, with what an on-failure document says about them.
 *
 * @param records                consecutive records of the shard, in order; at least one
 * @param approximateInvokeCount how many times these records were sent to the function
 * @param lastInvocation         the last invocation's answer; null when the records expired before one
 * @param event                  the invocation event of exactly these records, as the function receives it
 */
public record FailedBatch(String shardId, List<StreamRecord> records, FailureCondition condition,
                          int approximateInvokeCount, InvocationResult lastInvocation, byte[] event) {

    public FailedBatch {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(event, "event");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a failed batch holds at least one record");
        }
        records = List.copyOf(records);
    }

    public StreamRecord first() {
        return records.get(0);
    }

    public StreamRecord last() {
        return records.get(records.size() - 1);
    }

    /** "3 records, sequence numbers 5..7 of shardId-000000000000". */
    public String describe() {
        return StreamRecord.describe(records) + " of " + shardId;
    }
}
