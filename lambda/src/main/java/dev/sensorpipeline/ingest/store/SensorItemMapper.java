package dev.sensorpipeline.ingest.store;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a reading to its {@code SensorData} item. Numbers go over as their decimal text, so that 73.2 is
 * stored as 73.2 and never as the nearest double.
 */
public final class SensorItemMapper {

    public static final String SENSOR_ID = "SensorId";
    public static final String CURRENT_TIME = "CurrentTime";
    public static final String TEMPERATURE = "Temperature";
    public static final String HUMIDITY = "Humidity";
    public static final String EXPIRES_AT = "ExpiresAt";

    private final Optional<Duration> readingTtl;

    /** @param readingTtl when present, items get {@code ExpiresAt} = CurrentTime + this, for DynamoDB's TTL */
    public SensorItemMapper(Optional<Duration> readingTtl) {
        this.readingTtl = readingTtl;
    }

    public Map<String, AttributeValue> toItem(SensorReading reading) {
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put(SENSOR_ID, AttributeValue.fromS(reading.sensorId()));
        item.put(CURRENT_TIME, AttributeValue.fromN(Long.toString(reading.currentTime())));
        item.put(TEMPERATURE, AttributeValue.fromN(reading.temperature().toString()));
        if (reading.humidity() != null) {
            item.put(HUMIDITY, AttributeValue.fromN(reading.humidity().toString()));
        }
        readingTtl.ifPresent(ttl -> item.put(EXPIRES_AT, AttributeValue.fromN(
                BigDecimal.valueOf(reading.currentTime()).add(BigDecimal.valueOf(ttl.toSeconds())).toPlainString())));
        return item;
    }
}
