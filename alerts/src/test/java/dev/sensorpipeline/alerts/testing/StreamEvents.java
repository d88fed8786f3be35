package dev.sensorpipeline.alerts.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import dev.sensorpipeline.model.SensorReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small DynamodbEvents of SensorData's stream, one INSERT a reading, for tests that need readings no fixture has. */
public final class StreamEvents {

    private StreamEvents() {
    }

    /** An event of INSERTs, sequence numbers {@code firstSequenceNumber}, +1, ... */
    public static DynamodbEvent inserts(long firstSequenceNumber, List<SensorReading> readings) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        long sequenceNumber = firstSequenceNumber;
        for (SensorReading reading : readings) {
            Map<String, AttributeValue> image = new HashMap<>(Map.of(
                    "SensorId", new AttributeValue().withS(reading.sensorId()),
                    "CurrentTime", new AttributeValue().withN(Long.toString(reading.currentTime())),
                    "Temperature", new AttributeValue().withN(reading.temperature().toPlainString())));
            reading.humidityIfPresent().ifPresent(h -> image.put("Humidity", new AttributeValue().withN(
                    h.toPlainString())));
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID("event-" + sequenceNumber);
            record.setEventName("INSERT");
            record.setEventSource("aws:dynamodb");
            record.setDynamodb(new StreamRecord().withSequenceNumber(Long.toString(sequenceNumber++))
                    .withStreamViewType(StreamViewType.NEW_IMAGE).withNewImage(image));
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}
