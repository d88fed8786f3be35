package dev.sensorpipeline.local.runner.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The document Lambda sends to a stream mapping's on-failure destination, field for field, in its order:
 *
 * <pre>
 * {"requestContext": {"requestId": ..., "functionArn": ..., "condition": "RetryAttemptsExhausted",
 *                     "approximateInvokeCount": 1},
 *  "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
 *  "version": "1.0", "timestamp": "2019-11-14T00:38:06.021Z",
 *  "KinesisBatchInfo": {"shardId": ..., "startSequenceNumber": ..., "endSequenceNumber": ...,
 *                       "approximateArrivalOfFirstRecord": ..., "approximateArrivalOfLastRecord": ...,
 *                       "batchSize": 500, "streamArn": ...},
 *  "payload": "&lt;the invocation event, as a JSON string&gt;"}
 * </pre>
 *
 * <p>For a table's stream, {@code DDBStreamBatchInfo} stands in place of {@code KinesisBatchInfo}, with the same
 * fields, its arrivals the records' ApproximateCreationDateTime, to the second ({@code "2019-11-14T00:13:19Z"}), as
 * Lambda's documented example writes them.
 *
 * <p>{@code responseContext} is absent for {@code RecordAgeExceeded} (no invocation answered); its
 * {@code functionError} is null when the function answered but reported batch item failures. {@code payload} is
 * only written to an S3 destination: the whole event, serialized into a string, as Lambda's documentation shows it
 * ({@code "payload": "<Whole Event>"}).
 *
 * @param functionArn what the mapping invokes (the alias's ARN, for a mapping on an alias)
 * @param streamArn   the mapping's stream
 */
public record OnFailureDocument(String functionArn, String streamArn) {

    /** Lambda's timestamps here: UTC, milliseconds, a Z. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A table's stream's arrivals: to the second, as ApproximateCreationDateTime is. */
    static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the stream is a table's: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}. */
    boolean isTableStream() {
        return streamArn != null && streamArn.startsWith("arn:") && streamArn.contains(":dynamodb:")
                && streamArn.contains("/stream/");
    }

    /** The document as JSON text; with {@code withPayload}, the event too (an S3 destination's). */
    public String toJson(FailedBatch batch, Instant timestamp, boolean withPayload) {
        try {
            return JSON.writeValueAsString(build(batch, timestamp, withPayload));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode build(FailedBatch batch, Instant timestamp, boolean withPayload) {
        InvocationResult last = batch.lastInvocation();
        ObjectNode document = JSON.createObjectNode();
        ObjectNode request = document.putObject("requestContext");
        request.put("requestId", last == null ? UUID.randomUUID().toString() : last.requestId());
        request.put("functionArn", functionArn);
        request.put("condition", batch.condition().name());
        request.put("approximateInvokeCount", batch.approximateInvokeCount());
        if (batch.condition() == FailureCondition.RetryAttemptsExhausted && last != null) {
            ObjectNode response = document.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", last.executedVersion());
            if (last.functionError()) {
                response.put("functionError", "Unhandled");
            } else {
                response.putNull("functionError");
            }
        }
        document.put("version", "1.0");
        document.put("timestamp", TIMESTAMP.format(timestamp));
        boolean table = isTableStream();
        DateTimeFormatter arrivals = table ? SECONDS : TIMESTAMP;
        ObjectNode info = document.putObject(table ? "DDBStreamBatchInfo" : "KinesisBatchInfo");
        info.put("shardId", batch.shardId());
        info.put("startSequenceNumber", batch.first().sequenceNumber());
        info.put("endSequenceNumber", batch.last().sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", arrivals.format(batch.first().approximateArrival()));
        info.put("approximateArrivalOfLastRecord", arrivals.format(batch.last().approximateArrival()));
        info.put("batchSize", batch.records().size());
        info.put("streamArn", streamArn);
        if (withPayload) {
            document.put("payload", new String(batch.event(), StandardCharsets.UTF_8));
        }
        return document;
    }
}
