package dev.sensorpipeline.producer.output;

import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.EntryResult;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.delivery.RecordSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream that is a Lambda event file: every record of a call is appended to the event and taken by its one shard.
 * Delivered through it, a run writes the records a run at {@code --rate 0} would put, calls of PutRecords' size and
 * all, aggregated or not.
 */
public final class EventFileSink implements RecordSink {

    private final KinesisEventWriter events;

    public EventFileSink(KinesisEventWriter events) {
        this.events = events;
    }

    @Override
    public List<EntryResult> put(List<PutEntry> entries) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (PutEntry entry : entries) {
            events.write(entry);
            results.add(EntryResult.accepted(KinesisEventWriter.SHARD_ID));
        }
        return results;
    }

    @Override
    public BatchLimits limits() {
        return BatchLimits.PUT_RECORDS;
    }
}
