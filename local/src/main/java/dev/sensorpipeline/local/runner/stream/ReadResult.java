package dev.sensorpipeline.local.runner.stream;

import java.util.List;

/**
 * One GetRecords answer.
 *
 * @param nextIterator null when the shard is closed and every record in it has been read
 */
public record ReadResult(List<StreamRecord> records, String nextIterator, long millisBehindLatest) {

    /** Nothing more is waiting in the shard right now. */
    public boolean caughtUp() {
        return records.isEmpty() || millisBehindLatest == 0;
    }
}
