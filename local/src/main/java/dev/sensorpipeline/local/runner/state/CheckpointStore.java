package dev.sensorpipeline.local.runner.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One file per shard, {@code DIR/SHARD_ID.json}: {@code {"shardId": ..., "sequenceNumber": ..., "shardEnded": false,
 * "updatedAt": ...}}. Each save writes a temporary file in the same folder, forces it to disk, and renames it over the
 * old one, so a runner killed at any moment leaves either the old checkpoint or the new one, never a torn file.
 */
public record CheckpointStore(Path directory, Clock clock) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<Checkpoint> load(String shardId) {
        Path file = fileFor(shardId);
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            JsonNode sequence = node.get("sequenceNumber");
            return Optional.of(new Checkpoint(node.get("shardId").asText(),
                    sequence == null || sequence.isNull() ? null : sequence.asText(),
                    node.path("shardEnded").asBoolean(false),
                    Instant.parse(node.get("updatedAt").asText())));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the checkpoint " + file + ": " + e.getMessage()
                    + "; delete it to start the shard from the mapping's starting position", e);
        }
    }

    /** Every record up to {@code sequenceNumber} is done. */
    public void save(String shardId, String sequenceNumber) {
        write(new Checkpoint(shardId, sequenceNumber, false, clock.instant()));
    }

    /** The shard is closed and read to its end. */
    public void markEnded(String shardId, String lastSequenceNumber) {
        write(new Checkpoint(shardId, lastSequenceNumber, true, clock.instant()));
    }

    private void write(Checkpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("shardId", checkpoint.shardId());
        node.put("sequenceNumber", checkpoint.sequenceNumber());
        node.put("shardEnded", checkpoint.shardEnded());
        node.put("updatedAt", checkpoint.updatedAt().toString());
        Path target = fileFor(checkpoint.shardId());
        Path temporary = directory.resolve("." + checkpoint.shardId() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node)));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the state folder " + directory
                        + " is on a file system without atomic renames; choose another with --state-dir", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    private Path fileFor(String shardId) {
        if (!shardId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a shard id: " + shardId);
        }
        return directory.resolve(shardId + ".json");
    }
}
