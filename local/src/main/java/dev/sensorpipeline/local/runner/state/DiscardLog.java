package dev.sensorpipeline.local.runner.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sensorpipeline.local.runner.Console;
import dev.sensorpipeline.local.runner.RunStats;
import dev.sensorpipeline.local.runner.delivery.Segment;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * Records given up on, never silently. Where Lambda would drop them or send their description to an
 * {@code OnFailure} destination, the runner says so on stderr, naming every sequence number, and appends one JSON
 * line per discarded range to {@code discarded.jsonl}, shaped like Lambda's on-failure record
 * ({@code requestContext.condition}, {@code KinesisBatchInfo}) plus the sequence numbers themselves. The records
 * stay in the stream until its retention ends; the sequence numbers are enough to read them again.
 */
public final class DiscardLog {

    /** Why records were discarded: Lambda's on-failure conditions. */
    public enum Condition { RetryAttemptsExhausted, RecordAgeExceeded }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String streamArn;
    private final String functionArn;
    private final Console console;
    private final Clock clock;

    public DiscardLog(Path file, String streamArn, String functionArn, Console console, Clock clock) {
        this.file = file;
        this.streamArn = streamArn;
        this.functionArn = functionArn;
        this.console = console;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public synchronized void discard(String shardId, List<StreamRecord> records, Condition condition, int attempts) {
        if (records.isEmpty()) {
            return;
        }
        List<String> sequenceNumbers = records.stream().map(StreamRecord::sequenceNumber).toList();
        console.warn("DISCARDED " + Segment.describe(records) + " of " + shardId + " (" + condition + " after "
                + RunStats.count(attempts, "invocation") + "): " + String.join(", ", sequenceNumbers)
                + ". Lambda would drop them or send them to an OnFailure destination; they are listed in " + file);
        append(line(shardId, records, sequenceNumbers, condition, attempts));
    }

    private byte[] line(String shardId, List<StreamRecord> records, List<String> sequenceNumbers,
                        Condition condition, int attempts) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode requestContext = line.putObject("requestContext");
        requestContext.put("functionArn", functionArn);
        requestContext.put("condition", condition.name());
        requestContext.put("approximateInvokeCount", attempts);
        line.put("version", "1.0");
        line.put("timestamp", clock.instant().toString());
        ObjectNode batch = line.putObject("KinesisBatchInfo");
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", sequenceNumbers.get(0));
        batch.put("endSequenceNumber", sequenceNumbers.get(sequenceNumbers.size() - 1));
        batch.put("approximateArrivalOfFirstRecord", records.get(0).approximateArrival().toString());
        batch.put("approximateArrivalOfLastRecord", records.get(records.size() - 1).approximateArrival().toString());
        batch.put("batchSize", records.size());
        batch.put("streamArn", streamArn);
        ArrayNode list = line.putArray("sequenceNumbers");
        sequenceNumbers.forEach(list::add);
        try {
            return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(byte[] line) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
