package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Readings written straight into SensorData with BatchWriteItem, not through the pipeline, in the items' own
 * attribute names; each item optionally padded with a large attribute no reading has, so that few items fill
 * DynamoDB's 1 MB page.
 */
final class StoredReadings {

    static final String TABLE = "SensorData";

    private StoredReadings() {
    }

    /**
     * {@code count} readings of {@code sensorId}, {@code step} seconds apart from {@code firstTime}, with distinct
     * temperatures (of scale 0 to 2, written without trailing zeros, so any endpoint returns them as written) in a
     * shuffled order; every third without humidity when {@code humidity}, else none has one.
     */
    static List<SensorReading> series(String sensorId, int count, long firstTime, long step, long seed,
            boolean humidity) {
        List<BigDecimal> temperatures = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            temperatures.add(plain(BigDecimal.valueOf(-4_000L + 53L * k + k % 7, 2)));
        }
        Collections.shuffle(temperatures, new Random(seed));
        List<SensorReading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal h = humidity && i % 3 != 0 ? plain(BigDecimal.valueOf((i * 173L) % 1_000, 1)) : null;
            readings.add(new SensorReading(sensorId, firstTime + i * step, temperatures.get(i), h));
        }
        return List.copyOf(readings);
    }

    /** Writes {@code readings}, each item padded with {@code padBytes} characters (none for 0). */
    static void write(DynamoDbClient dynamoDb, List<SensorReading> readings, int padBytes) {
        String padding = "p".repeat(padBytes);
        List<WriteRequest> puts = new ArrayList<>();
        for (SensorReading r : readings) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("SensorId", AttributeValue.fromS(r.sensorId()));
            item.put("CurrentTime", AttributeValue.fromN(Long.toString(r.currentTime())));
            item.put("Temperature", AttributeValue.fromN(r.temperature().toPlainString()));
            if (r.humidity() != null) {
                item.put("Humidity", AttributeValue.fromN(r.humidity().toPlainString()));
            }
            if (padBytes > 0) {
                item.put("Padding", AttributeValue.fromS(padding));
            }
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int from = 0; from < puts.size(); from += 25) {
            Map<String, List<WriteRequest>> request = Map.of(TABLE,
                    puts.subList(from, Math.min(puts.size(), from + 25)));
            while (!request.isEmpty()) {
                request = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build())
                        .unprocessedItems();
            }
        }
    }

    /** The value without trailing zeros and never with a negative scale: 12.50 is 12.5, 100.00 is 100. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
