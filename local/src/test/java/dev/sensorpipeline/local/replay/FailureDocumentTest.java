package dev.sensorpipeline.local.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureDocumentTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data";
    private static final String SHARD = "shardId-000000000000";

    /** The AWS guide's metadata-only example (SQS, SNS), with this pipeline's names. */
    private static final String METADATA_ONLY = """
            {
              "requestContext": {
                "requestId": "c9b8fa9f-5a7f-4e7c-9d6a-2b2f8f2a1d3e",
                "functionArn": "arn:aws:lambda:us-east-1:123456789012:function:sensor-ingest:live",
                "condition": "RecordAgeExceeded",
                "approximateInvokeCount": 1
              },
              "version": "1.0",
              "timestamp": "2019-11-14T00:38:06.021Z",
              "KinesisBatchInfo": {
                "shardId": "shardId-000000000001",
                "startSequenceNumber": "49601189658422359378836298521827638475320189012309704722",
                "endSequenceNumber": "49601189658422359378836298522902373528957594348623495186",
                "approximateArrivalOfFirstRecord": "2019-11-14T00:38:04.835Z",
                "approximateArrivalOfLastRecord": "2019-11-14T00:38:05.580Z",
                "batchSize": 500,
                "streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data"
              }
            }
            """;

    @Test
    void parse_readsTheShardAndTheRangeAsNumbers_andNoPayload_fromAMetadataOnlyDocument() {
        // when
        FailureDocument document = FailureDocument.parse("message-1", METADATA_ONLY.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(document.shardId()).isEqualTo("shardId-000000000001");
        assertThat(document.startSequence())
                .isEqualTo(new BigInteger("49601189658422359378836298521827638475320189012309704722"));
        assertThat(document.endSequence())
                .isEqualTo(new BigInteger("49601189658422359378836298522902373528957594348623495186"));
        assertThat(document.batchSize()).isEqualTo(500);
        assertThat(document.condition()).isEqualTo("RecordAgeExceeded");
        assertThat(document.payload()).isEmpty();
    }

    @ParameterizedTest(name = "payload as a string: {0}")
    @ValueSource(booleans = {true, false})
    void parse_givesBackTheSavedEvent_whetherThePayloadIsAStringOrAnObject(boolean payloadAsString) {
        // given
        var records = OnFailureDocuments.readings(9, "{\"a\":1}", "{\"b\":2}");
        byte[] json = OnFailureDocuments.s3(STREAM, SHARD, records, payloadAsString);

        // when
        FailureDocument document = FailureDocument.parse("aws/lambda/x", json);

        // then
        assertThat(new String(document.payload().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(new String(OnFailureDocuments.event(STREAM, SHARD, records), StandardCharsets.UTF_8));
        assertThat(List.of(document.startSequence(), document.endSequence()))
                .containsExactly(BigInteger.valueOf(9), BigInteger.TEN);
    }

    @Test
    void parse_namesTheDocumentAndTheField_whenTheBatchInfoLacksIt() {
        // given
        String json = METADATA_ONLY.replace("\"shardId\": \"shardId-000000000001\",", "");

        // when / then
        assertThatThrownBy(() -> FailureDocument.parse("aws/lambda/doc-7", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aws/lambda/doc-7: KinesisBatchInfo.shardId is missing");
    }

    @Test
    void parse_saysItIsNotAKinesisDocument_whenThereIsNoBatchInfo() {
        // when / then
        assertThatThrownBy(() -> FailureDocument.parse("k", "{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("k has no KinesisBatchInfo: not a Kinesis on-failure document");
    }
}
