package dev.sensorpipeline.local.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * On-failure documents in the form Lambda writes them for a Kinesis event source (the Lambda developer guide,
 * "Retain discarded batch records for a Kinesis Data Streams event source"): metadata, and for an S3 destination the
 * invocation event in {@code payload}.
 */
final class OnFailureDocuments {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest:live";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/sensor-ingest-role";

    /** Numbers as written: the event's arrival times stay 1796288400.000, not 1.7962884E9. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private OnFailureDocuments() {
    }

    /** Plain readings, one a record, with sequence numbers from {@code firstSequence} on. */
    static List<StreamRecord> readings(long firstSequence, String... readingJson) {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < readingJson.length; i++) {
            records.add(new StreamRecord(Long.toString(firstSequence + i), "sensor-" + i,
                    readingJson[i].getBytes(StandardCharsets.UTF_8), Instant.parse("2026-12-03T09:00:00Z")));
        }
        return records;
    }

    /** The invocation event Lambda built for these records. */
    static byte[] event(String streamArn, String shardId, List<StreamRecord> records) {
        return new KinesisEventBuilder(streamArn, "us-east-1", ROLE_ARN).build(shardId, records);
    }

    /** The metadata of a discarded batch, as Lambda sends it to SQS or SNS. */
    static ObjectNode metadata(String streamArn, String shardId, List<StreamRecord> records) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode request = document.putObject("requestContext");
        request.put("requestId", "c9b8fa9f-5a7f-4e7c-9d6a-2b2f8f2a1d3e");
        request.put("functionArn", FUNCTION_ARN);
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", 3);
        ObjectNode response = document.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "1");
        response.put("functionError", "Unhandled");
        document.put("version", "1.0");
        document.put("timestamp", "2026-12-03T09:00:05.021Z");
        ObjectNode batch = document.putObject("KinesisBatchInfo");
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", records.get(0).sequenceNumber());
        batch.put("endSequenceNumber", records.get(records.size() - 1).sequenceNumber());
        batch.put("approximateArrivalOfFirstRecord", "2026-12-03T09:00:00.000Z");
        batch.put("approximateArrivalOfLastRecord", "2026-12-03T09:00:00.000Z");
        batch.put("batchSize", records.size());
        batch.put("streamArn", streamArn);
        return document;
    }

    /** An S3 destination's document: the metadata and the event, as a JSON object or as a string holding it. */
    static byte[] s3(String streamArn, String shardId, List<StreamRecord> records, boolean payloadAsString) {
        ObjectNode document = metadata(streamArn, shardId, records);
        byte[] event = event(streamArn, shardId, records);
        try {
            if (payloadAsString) {
                document.put("payload", new String(event, StandardCharsets.UTF_8));
            } else {
                document.set("payload", JSON.readTree(event));
            }
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lambda's key for a document: aws/lambda/MAPPING_UUID/SHARD_ID/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-UUID. */
    static String key(String mappingUuid, String shardId, String suffix) {
        return "aws/lambda/" + mappingUuid + "/" + shardId + "/2026/12/03/2026-12-03T09.00.05-" + suffix;
    }
}
