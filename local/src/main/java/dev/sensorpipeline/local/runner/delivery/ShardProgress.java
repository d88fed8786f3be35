package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.failure.FailedBatch;
import dev.sensorpipeline.local.runner.failure.FailureDeliveryException;

/** Where a shard's progress is kept: its checkpoint, and the records given up on. */
public interface ShardProgress {

    /** Every record of the shard up to {@code sequenceNumber} is done. */
    void checkpoint(String sequenceNumber);

    /**
     * These records will not be sent again: their on-failure document goes to the mapping's destination.
     *
     * @throws FailureDeliveryException when it did not get there; the records are then not done
     */
    void discard(FailedBatch batch);
}
