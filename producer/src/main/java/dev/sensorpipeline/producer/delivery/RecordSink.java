package dev.sensorpipeline.producer.delivery;

import java.util.List;

/** Where entries go: one call to the stream per batch. */
public interface RecordSink {

    /**
     * Puts the entries in one call.
     *
     * @return one result per entry, in the entries' order
     * @throws SinkFailure when the call as a whole failed, after the client's own retries
     */
    List<EntryResult> put(List<PutEntry> entries);

    /** How many entries one call may carry. */
    BatchLimits limits();
}
