package dev.sensorpipeline.local.runner.failure;

import static dev.sensorpipeline.local.runner.failure.AwsExamples.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.event.DynamodbEventBuilder;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.event.DynamodbChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The on-failure document of a table's stream's batch against the example of Lambda's documentation ("Retain
 * discarded batch records for a DynamoDB event source"), kept in {@code failure/dynamodb-on-failure-sqs.json}.
 */
class DynamodbOnFailureDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-2:123456789012:function:myfunction";
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388";
    private static final String SHARD = "shardId-00000001573689847184-864758bb";
    private static final Instant TIMESTAMP = Instant.parse("2019-11-14T00:13:49.717Z");
    private static final InvocationResult FAILED = new InvocationResult("316aa6d0-8154-xmpl-9af7-85d5f4a6bc81",
            "$LATEST", new FunctionResult.Error("java.lang.IllegalStateException", "boom"));

    private final OnFailureDocument document = new OnFailureDocument(FUNCTION_ARN, STREAM_ARN);

    private static FailedBatch examplesBatch() {
        List<StreamRecord> records = List.of(StreamRecord.of(new DynamodbChange("e1", "INSERT",
                Instant.parse("2019-11-14T00:13:19Z"), "{\"Id\":{\"N\":\"101\"}}",
                "{\"Id\":{\"N\":\"101\"},\"Message\":{\"S\":\"New item!\"}}", null, "800000000003126276362", 26,
                "NEW_IMAGE")));
        byte[] event = new DynamodbEventBuilder(STREAM_ARN, "us-east-2").build(SHARD, records);
        return new FailedBatch(SHARD, records, FailureCondition.RetryAttemptsExhausted, 1, FAILED, event);
    }

    private static ObjectNode awsExample() throws IOException {
        return AwsExamples.document("dynamodb-on-failure-sqs.json");
    }

    @Test
    void toJson_isTheDocumentationsExample_withDdbStreamBatchInfo_fieldForFieldAndInItsOrder() throws Exception {
        // given
        FailedBatch batch = examplesBatch();

        // when
        ObjectNode written = (ObjectNode) JSON.readTree(document.toJson(batch, TIMESTAMP, false));

        // then
        ObjectNode expected = awsExample();
        assertThat(fieldNames(written)).isEqualTo(fieldNames(expected));
        assertThat(fieldNames(written.get("DDBStreamBatchInfo")))
                .isEqualTo(fieldNames(expected.get("DDBStreamBatchInfo")));
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void toJson_carriesTheWholeDynamodbEvent_inPayload_forAnS3Destination() throws Exception {
        // given
        FailedBatch batch = examplesBatch();

        // when
        JsonNode payload = JSON.readTree(document.toJson(batch, TIMESTAMP, true)).get("payload");

        // then
        assertThat(payload.asText()).isEqualTo(new String(batch.event(), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(payload.asText()).at("/Records/0/dynamodb/SequenceNumber").asText())
                .isEqualTo("800000000003126276362");
    }
}
