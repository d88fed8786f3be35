package dev.sensorpipeline.local.runner.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * The event Lambda gives a function for a batch of Kinesis records, field for field:
 *
 * <pre>
 * {"Records": [{"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": ..., "sequenceNumber": ...,
 *               "data": BASE64, "approximateArrivalTimestamp": EPOCH_SECONDS.FRACTION},
 *               "eventSource": "aws:kinesis", "eventVersion": "1.0", "eventID": "SHARD_ID:SEQUENCE_NUMBER",
 *               "eventName": "aws:kinesis:record", "invokeIdentityArn": ROLE_ARN, "awsRegion": ...,
 *               "eventSourceARN": STREAM_ARN}]}
 * </pre>
 */
public final class KinesisEventBuilder {

    /** Lambda's limit on a synchronous invocation's payload. */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /** A record's JSON without its data, generously: keys, ids, ARNs. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String streamArn;
    private final String awsRegion;
    private final String invokeIdentityArn;

    public KinesisEventBuilder(String streamArn, String awsRegion, String invokeIdentityArn) {
        this.streamArn = streamArn;
        this.awsRegion = awsRegion;
        this.invokeIdentityArn = invokeIdentityArn;
    }

    public byte[] build(String shardId, List<StreamRecord> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (StreamRecord record : records) {
            ObjectNode entry = array.addObject();
            ObjectNode kinesis = entry.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
            kinesis.put("approximateArrivalTimestamp", epochSeconds(record));
            entry.put("eventSource", "aws:kinesis");
            entry.put("eventVersion", "1.0");
            entry.put("eventID", shardId + ":" + record.sequenceNumber());
            entry.put("eventName", "aws:kinesis:record");
            entry.put("invokeIdentityArn", invokeIdentityArn);
            entry.put("awsRegion", awsRegion);
            entry.put("eventSourceARN", streamArn);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upper bound of the bytes a record adds to the event, to keep a batch under {@link #MAX_EVENT_BYTES}. */
    public static int estimatedSize(StreamRecord record) {
        return RECORD_OVERHEAD_BYTES + 4 * ((record.data().length + 2) / 3) + record.partitionKey().length() * 2;
    }

    /** Seconds since the epoch with the milliseconds as a fraction, as Lambda writes it: 1545084650.987. */
    private static BigDecimal epochSeconds(StreamRecord record) {
        return BigDecimal.valueOf(record.approximateArrival().toEpochMilli()).movePointLeft(3);
    }
}
