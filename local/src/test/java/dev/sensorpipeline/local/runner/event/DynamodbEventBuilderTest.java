package dev.sensorpipeline.local.runner.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import dev.sensorpipeline.model.event.DynamodbChange;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runner's DynamoDB event, read back as the function reads it: through the Lambda runtime's own serializer
 * (aws-lambda-java-serialization) into aws-lambda-java-events' {@link DynamodbEvent}.
 */
class DynamodbEventBuilderTest {

    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/SensorData/stream/2026-12-04T10:00:00.000";
    private static final String KEYS = "{\"SensorId\":{\"S\":\"sensor-1\"},\"CurrentTime\":{\"N\":\"1700000000\"}}";
    private static final String NEW_IMAGE = "{\"SensorId\":{\"S\":\"sensor-1\"},\"CurrentTime\":{\"N\":\"1700000000\"},"
            + "\"Temperature\":{\"N\":\"101.5\"},\"Tags\":{\"SS\":[\"roof\",\"north\"]},"
            + "\"Raw\":{\"B\":\"AAEC\"},\"Extra\":{\"M\":{\"ok\":{\"BOOL\":true},\"none\":{\"NULL\":true},"
            + "\"list\":{\"L\":[{\"N\":\"1\"},{\"S\":\"two\"}]}}}}";
    private static final String OLD_IMAGE = "{\"SensorId\":{\"S\":\"sensor-1\"},\"CurrentTime\":{\"N\":\"1700000000\"},"
            + "\"Temperature\":{\"N\":\"20\"}}";
    private static final DynamodbEventBuilder BUILDER = new DynamodbEventBuilder(STREAM_ARN, "us-east-1");

    private static DynamodbEvent throughTheRuntime(byte[] event) {
        PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                DynamodbEventBuilderTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event));
    }

    @Test
    void build_givesAnEventTheRuntimesSerializerReads_everyFieldAsWritten() {
        // given
        Instant created = Instant.parse("2026-12-04T10:00:01Z");
        StreamRecord modify = StreamRecord.of(new DynamodbChange("c81e728d9d4c2f636f067f89cc14862c", "MODIFY",
                created, KEYS, NEW_IMAGE, OLD_IMAGE, "100000000000000000001", 159, "NEW_AND_OLD_IMAGES"));
        StreamRecord remove = StreamRecord.of(new DynamodbChange("eccbc87e4b5ce2fe28308fd9f2a7baf3", "REMOVE",
                created.plusSeconds(1), KEYS, null, null, "100000000000000000002", 40, "KEYS_ONLY"));

        // when
        DynamodbEvent event = throughTheRuntime(BUILDER.build("shardId-1", List.of(modify, remove)));

        // then
        assertThat(event.getRecords()).hasSize(2);
        DynamodbEvent.DynamodbStreamRecord first = event.getRecords().get(0);
        assertThat(first.getEventID()).isEqualTo("c81e728d9d4c2f636f067f89cc14862c");
        assertThat(first.getEventName()).isEqualTo("MODIFY");
        assertThat(first.getEventVersion()).isEqualTo("1.1");
        assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getEventSourceARN()).isEqualTo(STREAM_ARN);
        var dynamodb = first.getDynamodb();
        assertThat(dynamodb.getApproximateCreationDateTime()).isEqualTo(Date.from(created));
        assertThat(dynamodb.getKeys()).containsOnlyKeys("SensorId", "CurrentTime");
        assertThat(dynamodb.getKeys().get("SensorId").getS()).isEqualTo("sensor-1");
        assertThat(dynamodb.getKeys().get("CurrentTime").getN()).isEqualTo("1700000000");
        Map<String, AttributeValue> image = dynamodb.getNewImage();
        assertThat(image.get("Temperature").getN()).isEqualTo("101.5");
        assertThat(image.get("Tags").getSS()).containsExactly("roof", "north");
        assertThat(image.get("Raw").getB().array()).containsExactly(0, 1, 2);
        assertThat(image.get("Extra").getM().get("ok").getBOOL()).isTrue();
        assertThat(image.get("Extra").getM().get("none").getNULL()).isTrue();
        assertThat(image.get("Extra").getM().get("list").getL()).extracting(v -> v.getN() != null ? v.getN() : v.getS())
                .containsExactly("1", "two");
        assertThat(dynamodb.getOldImage().get("Temperature").getN()).isEqualTo("20");
        assertThat(dynamodb.getSequenceNumber()).isEqualTo("100000000000000000001");
        assertThat(dynamodb.getSizeBytes()).isEqualTo(159L);
        assertThat(dynamodb.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        DynamodbEvent.DynamodbStreamRecord second = event.getRecords().get(1);
        assertThat(second.getEventName()).isEqualTo("REMOVE");
        assertThat(second.getDynamodb().getNewImage()).isNull();
        assertThat(second.getDynamodb().getOldImage()).isNull();
        assertThat(second.getDynamodb().getSequenceNumber()).isEqualTo("100000000000000000002");
    }

    @Test
    void estimatedBytes_isAtLeastWhatTheRecordAddsToTheEvent() {
        // given
        StreamRecord record = StreamRecord.of(new DynamodbChange("id", "INSERT", Instant.EPOCH, KEYS,
                NEW_IMAGE.replace("roof", "d\u00e4ch\u20ac"), null, "1", 1, "NEW_IMAGE"));

        // when
        int actual = BUILDER.build("s", List.of(record, record)).length - BUILDER.build("s", List.of(record)).length;

        // then
        assertThat(BUILDER.estimatedBytes(record)).isGreaterThanOrEqualTo(actual);
    }

    @Test
    void filterView_isTheRecordAsItStandsInTheEvent() throws Exception {
        // given
        StreamRecord record = StreamRecord.of(new DynamodbChange("id", "INSERT", Instant.EPOCH, KEYS, NEW_IMAGE,
                null, "1", 1, "NEW_IMAGE"));

        // when / then
        assertThat(BUILDER.filterView(record)).isEqualTo(new ObjectMapper().readTree(BUILDER.build("s",
                List.of(record))).at("/Records/0"));
    }
}
