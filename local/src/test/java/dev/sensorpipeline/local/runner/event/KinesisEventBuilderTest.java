package dev.sensorpipeline.local.runner.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisEventBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/sensor-ingest-role";
    private static final KinesisEventBuilder BUILDER = new KinesisEventBuilder(STREAM_ARN, "us-east-1", ROLE_ARN);

    @Test
    void build_writesTheEventLambdaWrites_fieldForField() throws Exception {
        // given: the record behind test-payloads/book-single-record.json
        JsonNode expected = JSON.readTree(Files.readString(
                ProjectFiles.resolve("test-payloads/book-single-record.json")));
        JsonNode kinesis = expected.at("/Records/0/kinesis");
        StreamRecord record = new StreamRecord(kinesis.get("sequenceNumber").asText(),
                kinesis.get("partitionKey").asText(), Base64.getDecoder().decode(kinesis.get("data").asText()),
                Instant.ofEpochMilli(kinesis.get("approximateArrivalTimestamp").decimalValue()
                        .movePointRight(3).longValueExact()));

        // when
        JsonNode actual = JSON.readTree(BUILDER.build("shardId-000000000000", List.of(record)));

        // then
        assertThat(arrival(actual)).isEqualByComparingTo(arrival(expected));
        assertThat(withoutArrival(actual)).isEqualTo(withoutArrival(expected));
    }

    @Test
    void build_givesAnEventTheRuntimesOwnSerializerReads_withEveryRecordInOrder() {
        // given
        Instant arrival = Instant.parse("2026-11-29T10:15:30.123Z");
        List<StreamRecord> records = List.of(
                new StreamRecord("1", "sensor-1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), arrival),
                new StreamRecord("2", "sensor-2", new byte[] {0, (byte) 0xff, 10}, arrival.plusMillis(1)));
        PojoSerializer<KinesisEvent> serializer = LambdaEventSerializers.serializerFor(KinesisEvent.class,
                KinesisEventBuilderTest.class.getClassLoader());

        // when
        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(
                BUILDER.build("shardId-000000000001", records)));

        // then
        assertThat(event.getRecords()).hasSize(2);
        KinesisEvent.KinesisEventRecord first = event.getRecords().get(0);
        assertThat(first.getEventID()).isEqualTo("shardId-000000000001:1");
        assertThat(first.getEventSource()).isEqualTo("aws:kinesis");
        assertThat(first.getEventName()).isEqualTo("aws:kinesis:record");
        assertThat(first.getEventVersion()).isEqualTo("1.0");
        assertThat(first.getEventSourceARN()).isEqualTo(STREAM_ARN);
        assertThat(first.getInvokeIdentityArn()).isEqualTo(ROLE_ARN);
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getKinesis().getKinesisSchemaVersion()).isEqualTo("1.0");
        assertThat(first.getKinesis().getPartitionKey()).isEqualTo("sensor-1");
        assertThat(first.getKinesis().getSequenceNumber()).isEqualTo("1");
        assertThat(StandardCharsets.UTF_8.decode(first.getKinesis().getData().duplicate()).toString())
                .isEqualTo("{\"a\":1}");
        assertThat(first.getKinesis().getApproximateArrivalTimestamp().toInstant()).isEqualTo(arrival);
        KinesisEvent.Record second = event.getRecords().get(1).getKinesis();
        byte[] data = new byte[second.getData().remaining()];
        second.getData().duplicate().get(data);
        assertThat(data).containsExactly(0, 0xff, 10);
        assertThat(second.getApproximateArrivalTimestamp().toInstant()).isEqualTo(arrival.plusMillis(1));
    }

    @Test
    void estimatedSize_isAtLeastWhatTheRecordAddsToTheEvent() {
        // given
        StreamRecord record = new StreamRecord("49656138346014374315573628195263025741183727427425746946",
                "a-partition-key", new byte[1000], Instant.now());
        int empty = BUILDER.build("shardId-000000000000", List.of()).length;

        // when
        int actual = BUILDER.build("shardId-000000000000", List.of(record)).length - empty;

        // then
        assertThat(KinesisEventBuilder.estimatedSize(record)).isGreaterThanOrEqualTo(actual);
    }

    private static BigDecimal arrival(JsonNode event) {
        return event.at("/Records/0/kinesis/approximateArrivalTimestamp").decimalValue();
    }

    private static JsonNode withoutArrival(JsonNode event) {
        JsonNode copy = event.deepCopy();
        ((ObjectNode) copy.at("/Records/0/kinesis")).remove("approximateArrivalTimestamp");
        return copy;
    }
}
