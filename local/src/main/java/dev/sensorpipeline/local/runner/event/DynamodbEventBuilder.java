package dev.sensorpipeline.local.runner.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.event.DynamodbChange;
import dev.sensorpipeline.model.event.DynamodbEventWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The event Lambda gives a function for a batch of one shard of a table's stream, written by the project's one
 * DynamoDB event writer ({@link DynamodbEventWriter}).
 */
public final class DynamodbEventBuilder implements EventBuilder {

    /** A record's JSON without its attributes, generously: ids, names, the stream's ARN. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String streamArn;
    private final String awsRegion;

    public DynamodbEventBuilder(String streamArn, String awsRegion) {
        this.streamArn = streamArn;
        this.awsRegion = awsRegion;
    }

    @Override
    public byte[] build(String shardId, List<StreamRecord> records) {
        return DynamodbEventWriter.toBytes(streamArn, awsRegion, records.stream().map(DynamodbEventBuilder::change)
                .toList());
    }

    /** Three bytes a character bounds the attributes' UTF-8. */
    @Override
    public int estimatedBytes(StreamRecord record) {
        DynamodbChange change = change(record);
        return RECORD_OVERHEAD_BYTES + 3 * (change.keys().length() + length(change.newImage())
                + length(change.oldImage()) + streamArn.length());
    }

    /** The record as it stands in the event's {@code Records}: eventName, dynamodb.NewImage and the rest. */
    @Override
    public JsonNode filterView(StreamRecord record) {
        try {
            return JSON.readTree(DynamodbEventWriter.recordBytes(streamArn, awsRegion, change(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DynamodbChange change(StreamRecord record) {
        if (record.change() == null) {
            throw new IllegalArgumentException("record " + record.sequenceNumber() + " is not a table's change");
        }
        return record.change();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
