package dev.sensorpipeline.local.runner.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stream records for tests: sequence numbers from, from + 1, ...; data "record-SEQ"; arrival one second apart. */
public final class Records {

    public static final Instant FIRST_ARRIVAL = Instant.parse("2026-01-01T00:00:00Z");

    private Records() {
    }

    public static List<StreamRecord> numbered(int from, int count) {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(from + i));
        }
        return records;
    }

    public static StreamRecord record(int sequence) {
        return new StreamRecord(Integer.toString(sequence), "key-" + sequence,
                ("record-" + sequence).getBytes(StandardCharsets.UTF_8), FIRST_ARRIVAL.plusSeconds(sequence));
    }

    public static List<String> sequenceNumbers(List<StreamRecord> records) {
        return records.stream().map(StreamRecord::sequenceNumber).toList();
    }
}
