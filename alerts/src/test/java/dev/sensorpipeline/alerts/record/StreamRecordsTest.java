package dev.sensorpipeline.alerts.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The stream's records as the runtime hands them over: the test payload loaded by the runtime's serializer. */
class StreamRecordsTest {

    @ParameterizedTest
    @Event(value = "test-payloads/dynamodb-stream-event.json", type = DynamodbEvent.class)
    void of_thePayload_readsInsertsAndModifiesAsReadings_andIgnoresTheRemove(DynamodbEvent event) {
        // given the payload, as Lambda delivers SensorData's NEW_IMAGE stream

        // when
        List<ChangeRecord> records = StreamRecords.of(event);

        // then
        assertThat(records).extracting(ChangeRecord::kind).containsExactly(ChangeRecord.Kind.READING,
                ChangeRecord.Kind.READING, ChangeRecord.Kind.READING, ChangeRecord.Kind.READING,
                ChangeRecord.Kind.IGNORED);
        assertThat(records).extracting(ChangeRecord::sequenceNumber).containsExactly("100000000005391461881",
                "100000000005391461882", "100000000005391461883", "100000000005391461884", "100000000005391461885");
        assertThat(records.get(0).reading()).contains(new SensorReading("sensor-1", 1_764_400_000L,
                new BigDecimal("20.5"), new BigDecimal("41.5")));
        assertThat(records.get(3).reading()).contains(SensorReading.of("sensor-2", 1_764_400_000L,
                new BigDecimal("22.5")));
        assertThat(event.getRecords().get(0).getEventSourceARN()).contains(":table/SensorData/stream/");
        assertThat(event.getRecords().get(0).getDynamodb().getStreamViewType()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void of_anImageWithoutATemperature_isNotAReading() {
        // given
        DynamodbEvent.DynamodbStreamRecord record = insert(Map.of(
                "SensorId", new AttributeValue().withS("sensor-1"),
                "CurrentTime", new AttributeValue().withN("1764400000")));

        // when
        ChangeRecord change = StreamRecords.of(record);

        // then
        assertThat(change.kind()).isEqualTo(ChangeRecord.Kind.NOT_A_READING);
        assertThat(change.detail()).contains("Temperature");
    }

    @Test
    void of_aFractionalTime_isNotAReading() {
        // given
        DynamodbEvent.DynamodbStreamRecord record = insert(Map.of(
                "SensorId", new AttributeValue().withS("sensor-1"),
                "CurrentTime", new AttributeValue().withN("1764400000.5"),
                "Temperature", new AttributeValue().withN("20")));

        // when / then
        assertThat(StreamRecords.of(record).kind()).isEqualTo(ChangeRecord.Kind.NOT_A_READING);
    }

    @Test
    void of_aTemperatureAsAString_isNotAReading() {
        // given
        DynamodbEvent.DynamodbStreamRecord record = insert(Map.of(
                "SensorId", new AttributeValue().withS("sensor-1"),
                "CurrentTime", new AttributeValue().withN("1764400000"),
                "Temperature", new AttributeValue().withS("hot")));

        // when / then
        assertThat(StreamRecords.of(record).detail()).isEqualTo("Temperature is not a number (N)");
    }

    private static DynamodbEvent.DynamodbStreamRecord insert(Map<String, AttributeValue> image) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("e1");
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withSequenceNumber("7").withNewImage(image));
        return record;
    }
}
