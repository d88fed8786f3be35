package dev.sensorpipeline.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamodbEventWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/SensorData/stream/2026-12-04T10:00:00.000";
    private static final String KEYS = "{\"SensorId\":{\"S\":\"sensor-1\"},\"CurrentTime\":{\"N\":\"1700000000\"}}";
    private static final String IMAGE = "{\"SensorId\":{\"S\":\"sensor-1\"},\"CurrentTime\":{\"N\":\"1700000000\"},"
            + "\"Temperature\":{\"N\":\"101.5\"}}";

    @Test
    void toBytes_writesEachRecordAsLambdaDoes_inLambdasOrder() throws Exception {
        // given
        DynamodbChange insert = new DynamodbChange("c81e728d9d4c2f636f067f89cc14862c", "INSERT",
                Instant.parse("2026-12-04T10:00:01.900Z"), KEYS, IMAGE, null, "100000000000000000001", 59,
                "NEW_IMAGE");

        // when
        JsonNode event = JSON.readTree(DynamodbEventWriter.toBytes(STREAM_ARN, "us-east-1", List.of(insert)));

        // then
        JsonNode record = event.at("/Records/0");
        assertThat(fieldNames(record)).containsExactly("eventID", "eventName", "eventVersion", "eventSource",
                "awsRegion", "dynamodb", "eventSourceARN");
        assertThat(record.get("eventID").asText()).isEqualTo("c81e728d9d4c2f636f067f89cc14862c");
        assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.get("eventSourceARN").asText()).isEqualTo(STREAM_ARN);
        JsonNode dynamodb = record.get("dynamodb");
        assertThat(fieldNames(dynamodb)).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage",
                "SequenceNumber", "SizeBytes", "StreamViewType");
        assertThat(dynamodb.get("ApproximateCreationDateTime").isIntegralNumber()).isTrue();
        assertThat(dynamodb.get("ApproximateCreationDateTime").asLong()).isEqualTo(1796378401L);
        assertThat(dynamodb.get("Keys")).isEqualTo(JSON.readTree(KEYS));
        assertThat(dynamodb.get("NewImage")).isEqualTo(JSON.readTree(IMAGE));
        assertThat(dynamodb.get("SequenceNumber").asText()).isEqualTo("100000000000000000001");
        assertThat(dynamodb.get("SizeBytes").asLong()).isEqualTo(59);
        assertThat(dynamodb.get("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void toBytes_writesBothImages_forAModifyOnANewAndOldImagesStream() throws Exception {
        // given
        String old = "{\"SensorId\":{\"S\":\"sensor-1\"},\"Temperature\":{\"N\":\"20\"}}";
        DynamodbChange modify = new DynamodbChange("e1", "MODIFY", Instant.EPOCH, KEYS, IMAGE, old, "2", 80,
                "NEW_AND_OLD_IMAGES");

        // when
        JsonNode dynamodb = JSON.readTree(DynamodbEventWriter.toBytes(STREAM_ARN, "us-east-1", List.of(modify)))
                .at("/Records/0/dynamodb");

        // then
        assertThat(dynamodb.get("NewImage")).isEqualTo(JSON.readTree(IMAGE));
        assertThat(dynamodb.get("OldImage")).isEqualTo(JSON.readTree(old));
    }

    @Test
    void toBytes_writesEveryRecordInOrder_andRecordBytesOneOfThem() throws Exception {
        // given
        List<DynamodbChange> changes = List.of(
                new DynamodbChange("e1", "INSERT", Instant.EPOCH, KEYS, IMAGE, null, "1", 59, "NEW_IMAGE"),
                new DynamodbChange("e2", "REMOVE", Instant.EPOCH, KEYS, null, null, "2", 20, "NEW_IMAGE"));

        // when
        JsonNode event = JSON.readTree(DynamodbEventWriter.toBytes(STREAM_ARN, "us-east-1", changes));
        JsonNode second = JSON.readTree(DynamodbEventWriter.recordBytes(STREAM_ARN, "us-east-1", changes.get(1)));

        // then
        assertThat(event.get("Records")).hasSize(2);
        assertThat(event.at("/Records/0/dynamodb/SequenceNumber").asText()).isEqualTo("1");
        assertThat(event.at("/Records/1")).isEqualTo(second);
        assertThat(second.get("dynamodb").has("NewImage")).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
