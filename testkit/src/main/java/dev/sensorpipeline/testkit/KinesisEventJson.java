package dev.sensorpipeline.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds a Kinesis event as Lambda delivers it to a function (the JSON of {@code test-payloads/}): base64 data,
 * increasing sequence numbers, eventIDs, arrival timestamps. Tests load it through the runtime's own serializer.
 */
public final class KinesisEventJson {

    public static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/temperature-sensor-data";
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656138346014374315573628195263025741183727427425746946");
    private static final BigInteger SEQUENCE_STEP = BigInteger.valueOf(4294967296L);

    private final String shardId;
    private final List<Entry> entries = new ArrayList<>();

    /** One record: its partition key and data, and the sequence number it was given. */
    public record Entry(String partitionKey, byte[] data, String sequenceNumber, String eventId) {
    }

    public KinesisEventJson(String shardId) {
        this.shardId = shardId;
    }

    public KinesisEventJson() {
        this("shardId-000000000000");
    }

    /** Adds a record; returns it with the sequence number and eventID it was given. */
    public Entry add(String partitionKey, byte[] data) {
        String sequence = FIRST_SEQUENCE.add(SEQUENCE_STEP.multiply(BigInteger.valueOf(entries.size()))).toString();
        Entry entry = new Entry(partitionKey, data, sequence, shardId + ":" + sequence);
        entries.add(entry);
        return entry;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode event = mapper.createObjectNode();
        ArrayNode records = event.putArray("Records");
        BigDecimal arrival = new BigDecimal("1764400000.000");
        for (Entry entry : entries) {
            ObjectNode record = records.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", entry.partitionKey());
            kinesis.put("sequenceNumber", entry.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(entry.data()));
            kinesis.put("approximateArrivalTimestamp", arrival);
            arrival = arrival.add(new BigDecimal("0.001"));
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", entry.eventId());
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/sensor-ingest-role");
            record.put("awsRegion", "us-east-1");
            record.put("eventSourceARN", STREAM_ARN);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the event to a new temporary file and returns its path. */
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
