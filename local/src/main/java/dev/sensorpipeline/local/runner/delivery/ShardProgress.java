package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.state.DiscardLog;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.List;

/** Where a shard's progress is kept: its checkpoint, and the records given up on. */
public interface ShardProgress {

    /** Every record of the shard up to {@code sequenceNumber} is done. */
    void checkpoint(String sequenceNumber);

    /** These records will not be sent again; say so loudly. */
    void discard(List<StreamRecord> records, DiscardLog.Condition condition, int attempts);
}
