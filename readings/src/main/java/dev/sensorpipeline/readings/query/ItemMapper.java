package dev.sensorpipeline.readings.query;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@code SensorData} item as a reading: numbers from their N strings, exactly, never through a double. */
public final class ItemMapper {

    public static final String SENSOR_ID = "SensorId";
    public static final String CURRENT_TIME = "CurrentTime";
    public static final String TEMPERATURE = "Temperature";
    public static final String HUMIDITY = "Humidity";

    private ItemMapper() {
    }

    /** The reading an item holds; an item missing a key attribute or its temperature is a broken table. */
    public static SensorReading toReading(Map<String, AttributeValue> item) {
        String sensorId = required(item, SENSOR_ID).s();
        long currentTime = new BigDecimal(required(item, CURRENT_TIME).n()).longValueExact();
        BigDecimal temperature = new BigDecimal(required(item, TEMPERATURE).n());
        AttributeValue humidity = item.get(HUMIDITY);
        return new SensorReading(sensorId, currentTime, temperature,
                humidity == null || humidity.n() == null ? null : new BigDecimal(humidity.n()));
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("an item of the table has no " + name + ": " + item.keySet());
        }
        return value;
    }
}
