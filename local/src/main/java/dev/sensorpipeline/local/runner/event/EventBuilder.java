package dev.sensorpipeline.local.runner.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.List;

/**
 * The event Lambda gives a function for a batch of one shard's records, as the mapping's stream makes it: Kinesis'
 * ({@link KinesisEventBuilder}) or a table's ({@link DynamodbEventBuilder}).
 */
public interface EventBuilder {

    /** Lambda's limit on a synchronous invocation's payload. */
    int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /** The invocation event of exactly these records, in order. */
    byte[] build(String shardId, List<StreamRecord> records);

    /** An upper bound of the bytes a record adds to the event, to keep a batch under {@link #MAX_EVENT_BYTES}. */
    int estimatedBytes(StreamRecord record);

    /** The record as Lambda's event filtering matches a FilterCriteria pattern on it. */
    JsonNode filterView(StreamRecord record);
}
