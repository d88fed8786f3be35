package dev.sensorpipeline.ingest.store;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads back what the mappers wrote, for the tests' assertions; the function itself never reads an item. */
public final class StoredItems {

    private StoredItems() {
    }

    /** The reading a {@code SensorData} item holds. */
    public static SensorReading readingOf(Map<String, AttributeValue> item) {
        AttributeValue humidity = item.get(SensorItemMapper.HUMIDITY);
        return new SensorReading(
                item.get(SensorItemMapper.SENSOR_ID).s(),
                Long.parseLong(item.get(SensorItemMapper.CURRENT_TIME).n()),
                new BigDecimal(item.get(SensorItemMapper.TEMPERATURE).n()),
                humidity == null ? null : new BigDecimal(humidity.n()));
    }

    /** The reason a {@code SensorDataRejects} item gives. */
    public static String reasonOf(Map<String, AttributeValue> item) {
        return item.get(RejectItemMapper.REASON).s();
    }

    /** The raw data a {@code SensorDataRejects} item holds, as text; empty when it holds none. */
    public static String rawDataOf(Map<String, AttributeValue> item) {
        AttributeValue raw = item.get(RejectItemMapper.RAW_DATA);
        return raw == null ? "" : new String(raw.b().asByteArray(), StandardCharsets.UTF_8);
    }
}
