package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small entries for delivery tests: entry {@code i} is sensor {@code i % sensors}'s reading at second {@code i}. */
final class Entries {

    private Entries() {
    }

    static List<PutEntry> of(int count, int sensors) {
        List<PutEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sensor = "sensor-" + (i % sensors + 1);
            SensorReading reading = SensorReading.of(sensor, 1_764_374_400L + i, BigDecimal.valueOf(70));
            entries.add(new PutEntry(i, reading, sensor, ("reading " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return entries;
    }

    /** An entry whose data and partition key come to exactly {@code size} bytes. */
    static PutEntry sized(long position, String partitionKey, int size) {
        byte[] data = new byte[size - partitionKey.getBytes(StandardCharsets.UTF_8).length];
        Arrays.fill(data, (byte) 'x');
        SensorReading reading = SensorReading.of("sensor-1", position, BigDecimal.ONE);
        return new PutEntry(position, reading, partitionKey, data);
    }
}
