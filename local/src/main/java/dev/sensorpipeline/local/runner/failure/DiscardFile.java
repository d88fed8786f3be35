package dev.sensorpipeline.local.runner.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Where discarded batches go when the mapping has no on-failure destination (Lambda would keep no trace of them):
 * one JSON line per batch in {@code discarded.jsonl}, Lambda's on-failure document without payload, plus the
 * sequence numbers themselves. The records stay in the stream until its retention ends; the sequence numbers are
 * enough to read them again.
 */
public record DiscardFile(Path file, OnFailureDocument document, Clock clock) implements FailureDestination {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public synchronized String deliver(FailedBatch batch) {
        ObjectNode line = document.build(batch, clock.instant(), false);
        ArrayNode list = line.putArray("sequenceNumbers");
        batch.records().stream().map(StreamRecord::sequenceNumber).forEach(list::add);
        try {
            append((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            return file.toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new FailureDeliveryException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(byte[] line) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
    }
}
