package dev.sensorpipeline.local.runner.event;

import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import java.util.List;

/**
 * The event Lambda gives a function for a batch of one shard's Kinesis records, written by the project's one event
 * writer ({@link KinesisEventWriter}), and the size a batch may reach.
 */
public final class KinesisEventBuilder {

    /** Lambda's limit on a synchronous invocation's payload. */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /** A record's JSON without its data, generously: keys, ids, ARNs. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    private final EventSource source;

    public KinesisEventBuilder(String streamArn, String awsRegion, String invokeIdentityArn) {
        this.source = new EventSource(streamArn, awsRegion, invokeIdentityArn);
    }

    public byte[] build(String shardId, List<StreamRecord> records) {
        return KinesisEventWriter.toBytes(source, records.stream()
                .map(record -> new EventRecord(shardId, record.partitionKey(), record.sequenceNumber(),
                        record.data(), record.approximateArrival()))
                .toList());
    }

    /** An upper bound of the bytes a record adds to the event, to keep a batch under {@link #MAX_EVENT_BYTES}. */
    public static int estimatedSize(StreamRecord record) {
        return RECORD_OVERHEAD_BYTES + 4 * ((record.data().length + 2) / 3) + record.partitionKey().length() * 2;
    }
}
