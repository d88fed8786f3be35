package dev.sensorpipeline.ingest;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.event.SyntheticEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A batch no fixture file holds: hundreds of records from a seed, with repeated keys, humidity, and every class of
 * bad record, and what the tables must hold after it: the latest reading of every key, and every bad record.
 */
final class GeneratedBatch {

    static final List<String> BAD_RECORDS = List.of(
            "\u00ff\u00fe",
            "not json at all",
            "[\"an\", \"array\"]",
            "{\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":\"noon\",\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":\"hot\"}",
            "{\"sensor_id\":\"\",\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"" + "y".repeat(2100) + "\",\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":Infinity}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":1e126}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":-7,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":70,\"humidity\":-0.1}",
            "");

    /** Temperature and humidity exactly as written in the record's JSON text. */
    record Expected(String sensorId, long currentTime, String temperature, String humidity) {
    }

    final SyntheticEvent event = new SyntheticEvent();
    final Map<ReadingKey, Expected> latestByKey = new LinkedHashMap<>();
    final Map<String, String> badByEventId = new HashMap<>();
    private final Map<ReadingKey, String> latestSequenceByKey = new HashMap<>();

    GeneratedBatch(long seed, int records) {
        Random random = new Random(seed);
        for (int i = 0; i < records; i++) {
            if (random.nextInt(10) == 0) {
                String bad = BAD_RECORDS.get(random.nextInt(BAD_RECORDS.size()));
                byte[] data = bad.startsWith("\u00ff")
                        ? new byte[] {(byte) 0xff, (byte) 0xfe}
                        : bad.getBytes(StandardCharsets.UTF_8);
                badByEventId.put(event.add("bad-" + i, data).eventId(), bad);
                continue;
            }
            String sensor = "sensor-" + (1 + random.nextInt(7));
            // Few distinct times, so keys repeat across the batch.
            long time = 1764400000L + random.nextInt(records / 3);
            String temperature = String.format("%d.%02d", 40 + random.nextInt(60), random.nextInt(100));
            String humidity = random.nextBoolean() ? String.format("%d.%d", random.nextInt(100), random.nextInt(10))
                    : null;
            String json = "{\"sensor_id\":\"" + sensor + "\",\"current_time\":" + time + ",\"temperature\":"
                    + temperature + (humidity == null ? "" : ",\"humidity\":" + humidity) + "}\n";
            String sequenceNumber = event.add(sensor, json.getBytes(StandardCharsets.UTF_8)).sequenceNumber();
            latestSequenceByKey.put(new ReadingKey(sensor, time), sequenceNumber);
            latestByKey.put(new ReadingKey(sensor, time), new Expected(sensor, time, temperature, humidity));
        }
    }

    /** Sequence numbers of the records whose readings must be stored: the last of each key. */
    java.util.Set<String> winningSequenceNumbers() {
        return java.util.Set.copyOf(latestSequenceByKey.values());
    }

    /** The event as the Lambda runtime hands it to the handler. */
    KinesisEvent load() {
        Path file = event.writeToTempFile();
        return EventLoader.loadKinesisEvent(file.toString());
    }
}
