package dev.sensorpipeline.producer.payloads;

import dev.sensorpipeline.model.event.SyntheticEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The files of {@code test-payloads/} but {@code aggregated.json} (which the producer's {@code --events-out} writes;
 * see {@code EventsOutTest}): Kinesis events exactly as Lambda delivers them, made by the one event writer. The
 * output is deterministic; {@link TestPayloadsTest} checks the committed files equal it, and rewrites them when asked.
 */
final class TestPayloads {

    /** Records that can never be readings, one of each kind the function rejects, with what is wrong. */
    static final List<String> BAD_RECORDS = List.of(
            "this is not json",
            "[1, 2, 3]",
            "{\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":\"yesterday\",\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":\"warm\"}",
            "{\"sensor_id\":\"\",\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"" + "x".repeat(2049) + "\",\"current_time\":1764400000,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":NaN}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":1e400}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":-1,\"temperature\":70}",
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":70,\"humidity\":101}",
            "");

    /** Bytes that are not UTF-8, the first bad record of {@code mixed-bad-and-good.json}. */
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, ' ', 'n', 'o', 't', ' ', 'u', 't', 'f', '-',
        '8'};

    private TestPayloads() {
    }

    /** Each file's name and its content. */
    static Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("book-single-record.json", bookSingleRecord());
        files.put("batch-100.json", batchOf100());
        files.put("with-humidity.json", withHumidity());
        files.put("mixed-bad-and-good.json", mixedBadAndGood());
        return files;
    }

    /** The book's payload: sensor-1 at 123456789, 99.9 degrees, its data ending in a newline. */
    static String bookSingleRecord() {
        SyntheticEvent event = new SyntheticEvent(Instant.ofEpochSecond(1428537600L));
        event.add("sensor-1", "{\"sensor_id\":\"sensor-1\",\"current_time\":123456789,\"temperature\":99.9}\n");
        return event.toJson();
    }

    /** 100 readings of 5 sensors, 5 a second, temperatures from a seed. */
    static String batchOf100() {
        Random random = new Random(100);
        SyntheticEvent event = new SyntheticEvent();
        for (int i = 0; i < 100; i++) {
            String sensor = "sensor-" + (i % 5 + 1);
            String temperature = String.format(Locale.ROOT, "%.1f", 60 + 30 * random.nextDouble());
            event.add(sensor, reading(sensor, 1764400000L + i / 5, temperature, null));
        }
        return event.toJson();
    }

    /** Humidity at its bounds, and once left out. */
    static String withHumidity() {
        SyntheticEvent event = new SyntheticEvent();
        event.add("sensor-1", reading("sensor-1", 1764400000L, "73.2", "41.5"));
        event.add("sensor-2", reading("sensor-2", 1764400000L, "68.0", "0"));
        event.add("sensor-3", reading("sensor-3", 1764400000L, "-4.25", "100"));
        event.add("sensor-1", reading("sensor-1", 1764400001L, "73.3", null));
        return event.toJson();
    }

    /** Every kind of bad record, each after a good one; last, a key given twice, whose later reading (72.0) wins. */
    static String mixedBadAndGood() {
        SyntheticEvent event = new SyntheticEvent();
        List<byte[]> bad = new java.util.ArrayList<>();
        bad.add(NOT_UTF8);
        BAD_RECORDS.forEach(text -> bad.add(text.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < bad.size(); i++) {
            event.add("sensor-9", reading("sensor-9", 1764400000L + i, "70.5", null));
            event.add("bad-" + i, bad.get(i));
        }
        event.add("sensor-9", reading("sensor-9", 1764400000L, "72.0", null));
        return event.toJson();
    }

    /** A reading's JSON with its numbers as text, so the payload holds exactly the digits meant. */
    private static String reading(String sensor, long time, String temperature, String humidity) {
        return "{\"sensor_id\":\"" + sensor + "\",\"current_time\":" + time + ",\"temperature\":" + temperature
                + (humidity == null ? "" : ",\"humidity\":" + humidity) + "}";
    }
}
