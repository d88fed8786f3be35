package dev.sensorpipeline.local.runner.failure;

import static dev.sensorpipeline.local.runner.failure.AwsExamples.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import dev.sensorpipeline.local.runner.function.FunctionResult;
import dev.sensorpipeline.local.runner.function.InvocationResult;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The on-failure document against the example of Lambda's documentation ("Retain discarded batch records for a
 * Kinesis Data Streams event source"), kept in {@code failure/kinesis-on-failure-s3.json}.
 */
class OnFailureDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-2:123456789012:function:myfunction";
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-2:123456789012:stream/mystream";
    private static final String SHARD = "shardId-000000000001";
    private static final Instant TIMESTAMP = Instant.parse("2019-11-14T00:38:06.021Z");

    private final OnFailureDocument document = new OnFailureDocument(FUNCTION_ARN, STREAM_ARN);

    /** The example's 500 records: its first and last sequence numbers and arrivals, numbers in between. */
    private static List<StreamRecord> examplesRecords() {
        List<StreamRecord> records = new ArrayList<>();
        BigInteger first = new BigInteger("49601189658422359378836298521827638475320189012309704722");
        for (int i = 0; i < 499; i++) {
            records.add(new StreamRecord(first.add(BigInteger.valueOf(i)).toString(), "k", new byte[] {'x'},
                    Instant.parse(i == 0 ? "2019-11-14T00:38:04.835Z" : "2019-11-14T00:38:05.000Z")));
        }
        records.add(new StreamRecord("49601189658422359378836298522902373528957594348623495186", "k",
                new byte[] {'x'}, Instant.parse("2019-11-14T00:38:05.580123Z")));
        return records;
    }

    private static FailedBatch examplesBatch(FailureCondition condition, InvocationResult last) {
        List<StreamRecord> records = examplesRecords();
        byte[] event = new KinesisEventBuilder(STREAM_ARN, "us-east-2", "arn:aws:iam::123456789012:role/r")
                .build(SHARD, records);
        return new FailedBatch(SHARD, records, condition, 1, last, event);
    }

    private static final InvocationResult FAILED = new InvocationResult("c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5",
            "$LATEST", new FunctionResult.Error("java.lang.IllegalStateException", "boom"));

    private static ObjectNode awsExample() throws IOException {
        return AwsExamples.document("kinesis-on-failure-s3.json");
    }

    @Test
    void toJson_isTheDocumentationsExample_fieldForFieldAndInItsOrder_whenTheRetriesOfAFailingFunctionRunOut()
            throws Exception {
        // given
        FailedBatch batch = examplesBatch(FailureCondition.RetryAttemptsExhausted, FAILED);

        // when
        ObjectNode written = (ObjectNode) JSON.readTree(document.toJson(batch, TIMESTAMP, true));

        // then
        ObjectNode expected = awsExample();
        assertThat(fieldNames(written)).isEqualTo(fieldNames(expected));
        assertThat(fieldNames(written.get("KinesisBatchInfo"))).isEqualTo(fieldNames(expected.get("KinesisBatchInfo")));
        written.remove("payload");
        expected.remove("payload");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void toJson_carriesTheWholeInvocationEventAsAJsonString_inPayload_forAnS3Destination() throws Exception {
        // given
        FailedBatch batch = examplesBatch(FailureCondition.RetryAttemptsExhausted, FAILED);

        // when
        JsonNode payload = JSON.readTree(document.toJson(batch, TIMESTAMP, true)).get("payload");

        // then
        assertThat(payload.isTextual()).isTrue();
        assertThat(payload.asText()).isEqualTo(new String(batch.event(), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(payload.asText()).get("Records")).hasSize(500);
    }

    @Test
    void toJson_hasNoPayload_forAQueueOrATopic() throws Exception {
        // given
        FailedBatch batch = examplesBatch(FailureCondition.RetryAttemptsExhausted, FAILED);

        // when
        JsonNode written = JSON.readTree(document.toJson(batch, TIMESTAMP, false));

        // then
        assertThat(fieldNames(written)).containsExactly("requestContext", "responseContext", "version", "timestamp",
                "KinesisBatchInfo");
    }

    @Test
    void toJson_hasNoResponseContext_whenTheRecordsExpired() throws Exception {
        // given
        FailedBatch batch = examplesBatch(FailureCondition.RecordAgeExceeded, null);

        // when
        JsonNode written = JSON.readTree(document.toJson(batch, TIMESTAMP, false));

        // then
        assertThat(written.has("responseContext")).isFalse();
        assertThat(written.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
    }

    @Test
    void toJson_writesANullFunctionError_whenTheFunctionAnsweredWithBatchItemFailures() throws Exception {
        // given
        InvocationResult answered = new InvocationResult("r", "3",
                new FunctionResult.Response("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8)));
        FailedBatch batch = examplesBatch(FailureCondition.RetryAttemptsExhausted, answered);

        // when
        JsonNode written = JSON.readTree(document.toJson(batch, TIMESTAMP, false));

        // then
        assertThat(written.get("responseContext").get("functionError").isNull()).isTrue();
        assertThat(written.at("/responseContext/executedVersion").asText()).isEqualTo("3");
    }

    @Test
    void key_isLambdasLayout_underAwsLambdaTheMappingAndTheShard_byTheUtcTimeOfDelivery() {
        // given
        UUID id = UUID.fromString("0b5b7e2c-7a1b-4c1e-9d7f-3b8f5e8a9c01");

        // when
        String key = S3FailureDestination.key("a1b2c3d4-5678-90ab-cdef-11111EXAMPLE", SHARD, TIMESTAMP, id);

        // then
        assertThat(key).isEqualTo("aws/lambda/a1b2c3d4-5678-90ab-cdef-11111EXAMPLE/shardId-000000000001/2019/11/14/"
                + "2019-11-14T00.38.06-0b5b7e2c-7a1b-4c1e-9d7f-3b8f5e8a9c01");
    }
}
