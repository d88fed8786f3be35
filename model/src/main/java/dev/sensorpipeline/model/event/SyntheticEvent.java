package dev.sensorpipeline.model.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kinesis event made up offline, record by record, for tests and {@code test-payloads/}: what Kinesis would add is
 * invented deterministically. Sequence numbers are 56 digits, as real ones are, and increase by 2^32 (their low bits
 * are where Kinesis varies them); records arrive 10 ms apart.
 */
public final class SyntheticEvent {

    /** The first sequence number: one that looks like Kinesis's keeps the parsers honest. */
    public static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656138346014374315573628195263025741183727427425746946");
    public static final String SHARD_ID = "shardId-000000000000";
    public static final Instant FIRST_ARRIVAL = Instant.ofEpochSecond(1764400000L);

    private static final BigInteger SEQUENCE_STEP = BigInteger.valueOf(4294967296L);
    private static final Duration ARRIVAL_STEP = Duration.ofMillis(10);

    private final EventSource source;
    private final String shardId;
    private final Instant firstArrival;
    private final List<EventRecord> records = new ArrayList<>();

    /** An event of the project's stream, shard 0, its first record arriving at {@code firstArrival}. */
    public SyntheticEvent(Instant firstArrival) {
        this(EventSource.example(), SHARD_ID, firstArrival);
    }

    public SyntheticEvent() {
        this(FIRST_ARRIVAL);
    }

    public SyntheticEvent(EventSource source, String shardId, Instant firstArrival) {
        this.source = source;
        this.shardId = shardId;
        this.firstArrival = firstArrival;
    }

    /** Adds a record; returns it with the sequence number, eventID and arrival it was given. */
    public EventRecord add(String partitionKey, byte[] data) {
        int index = records.size();
        String sequence = FIRST_SEQUENCE.add(SEQUENCE_STEP.multiply(BigInteger.valueOf(index))).toString();
        EventRecord record = new EventRecord(shardId, partitionKey, sequence, data.clone(),
                firstArrival.plus(ARRIVAL_STEP.multipliedBy(index)));
        records.add(record);
        return record;
    }

    /** Adds a record whose data is {@code text} in UTF-8. */
    public EventRecord add(String partitionKey, String text) {
        return add(partitionKey, text.getBytes(StandardCharsets.UTF_8));
    }

    public List<EventRecord> records() {
        return List.copyOf(records);
    }

    /** The event indented, as the files of {@code test-payloads/} hold it. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KinesisEventWriter writer = KinesisEventWriter.pretty(out, source)) {
            records.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the event to a new temporary file and returns its path: what the runtime's EventLoader reads. */
    public Path writeToTempFile() {
        try {
            Path file = Files.createTempFile("kinesis-event-", ".json");
            Files.writeString(file, toJson());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
