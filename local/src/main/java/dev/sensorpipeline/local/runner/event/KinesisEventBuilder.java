package dev.sensorpipeline.local.runner.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * The event Lambda gives a function for a batch of one shard's Kinesis records, written by the project's one event
 * writer ({@link KinesisEventWriter}), and the size a batch may reach.
 */
public final class KinesisEventBuilder implements EventBuilder {

    /** A record's JSON without its data, generously: keys, ids, ARNs. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSource source;

    public KinesisEventBuilder(String streamArn, String awsRegion, String invokeIdentityArn) {
        this.source = new EventSource(streamArn, awsRegion, invokeIdentityArn);
    }

    @Override
    public byte[] build(String shardId, List<StreamRecord> records) {
        return KinesisEventWriter.toBytes(source, records.stream()
                .map(record -> new EventRecord(shardId, record.partitionKey(), record.sequenceNumber(),
                        record.data(), record.approximateArrival()))
                .toList());
    }

    @Override
    public int estimatedBytes(StreamRecord record) {
        return estimatedSize(record);
    }

    /**
     * The record's {@code kinesis} part, as Lambda filters Kinesis records: its metadata, and {@code data} as the
     * JSON it holds (a record whose data is not JSON keeps it base64, which no pattern on {@code data}'s fields
     * matches).
     */
    @Override
    public JsonNode filterView(StreamRecord record) {
        ObjectNode view = JSON.createObjectNode();
        view.put("kinesisSchemaVersion", "1.0");
        view.put("partitionKey", record.partitionKey());
        view.put("sequenceNumber", record.sequenceNumber());
        view.put("approximateArrivalTimestamp",
                BigDecimal.valueOf(record.approximateArrival().toEpochMilli()).movePointLeft(3));
        try {
            view.set("data", JSON.readTree(record.data()));
        } catch (IOException notJson) {
            view.put("data", Base64.getEncoder().encodeToString(record.data()));
        }
        if (view.get("data") == null || view.get("data").isMissingNode()) {
            view.put("data", Base64.getEncoder().encodeToString(record.data()));
        }
        return view;
    }

    /** An upper bound of the bytes a record adds to the event, to keep a batch under {@link #MAX_EVENT_BYTES}. */
    public static int estimatedSize(StreamRecord record) {
        return RECORD_OVERHEAD_BYTES + 4 * ((record.data().length + 2) / 3) + record.partitionKey().length() * 2;
    }
}
