package dev.sensorpipeline.alerts.record;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of a {@link DynamodbEvent} from SensorData's stream: INSERT and MODIFY with a {@code NewImage}
 * are readings (the image's {@code SensorId} S, {@code CurrentTime} N, {@code Temperature} N and optional
 * {@code Humidity} N, as the ingest function writes them); REMOVE and images that are not readings are said so.
 */
public final class StreamRecords {

    private static final BigDecimal MAX_TIME = BigDecimal.valueOf(Long.MAX_VALUE);

    private StreamRecords() {
    }

    /** Every record of the event, in its order. */
    public static List<ChangeRecord> of(DynamodbEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        List<ChangeRecord> records = new ArrayList<>(event.getRecords().size());
        for (DynamodbEvent.DynamodbStreamRecord streamRecord : event.getRecords()) {
            records.add(of(streamRecord));
        }
        return records;
    }

    /** One record. */
    public static ChangeRecord of(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        String eventId = record.getEventID();
        String sequenceNumber = change == null ? null : change.getSequenceNumber();
        String eventName = record.getEventName();
        if (!"INSERT".equals(eventName) && !"MODIFY".equals(eventName)) {
            return ChangeRecord.ignored(eventId, sequenceNumber, "eventName " + eventName);
        }
        if (change == null || change.getNewImage() == null) {
            return ChangeRecord.ignored(eventId, sequenceNumber, eventName + " without a NewImage");
        }
        try {
            return ChangeRecord.reading(eventId, sequenceNumber, reading(change.getNewImage()));
        } catch (NotAReading e) {
            return ChangeRecord.notAReading(eventId, sequenceNumber, e.getMessage());
        }
    }

    private static SensorReading reading(Map<String, AttributeValue> image) {
        String sensorId = string(image, "SensorId");
        BigDecimal time = number(image, "CurrentTime", true);
        if (time.signum() < 0 || time.stripTrailingZeros().scale() > 0 || time.compareTo(MAX_TIME) > 0) {
            throw new NotAReading("CurrentTime " + time.toPlainString() + " is not a Unix time in whole seconds");
        }
        BigDecimal humidity = number(image, "Humidity", false);
        return new SensorReading(sensorId, time.longValueExact(), number(image, "Temperature", true), humidity);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null || value.getS().isEmpty()) {
            throw new NotAReading(name + " is missing or not a non-empty string (S)");
        }
        return value.getS();
    }

    private static BigDecimal number(Map<String, AttributeValue> image, String name, boolean required) {
        AttributeValue value = image.get(name);
        if (value == null || (!required && Boolean.TRUE.equals(value.getNULL()))) {
            if (required) {
                throw new NotAReading(name + " is missing");
            }
            return null;
        }
        if (value.getN() == null) {
            throw new NotAReading(name + " is not a number (N)");
        }
        try {
            return new BigDecimal(value.getN());
        } catch (NumberFormatException e) {
            throw new NotAReading(name + " '" + value.getN() + "' is not a number");
        }
    }

    private static final class NotAReading extends RuntimeException {
        NotAReading(String message) {
            super(message, null, false, false);
        }
    }
}
