package dev.sensorpipeline.local.runner.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void load_returnsWhatWasSaved_perShard() {
        // given
        CheckpointStore store = new CheckpointStore(directory, CLOCK);
        store.save("shardId-000000000000", "41");
        store.save("shardId-000000000001", "7");
        store.save("shardId-000000000000", "42");

        // when / then
        assertThat(new CheckpointStore(directory, CLOCK).load("shardId-000000000000")).contains(
                new Checkpoint("shardId-000000000000", "42", false, CLOCK.instant()));
        assertThat(store.load("shardId-000000000001").orElseThrow().sequenceNumber()).isEqualTo("7");
        assertThat(store.load("shardId-000000000002")).isEmpty();
    }

    @Test
    void markEnded_isRemembered() {
        // given
        CheckpointStore store = new CheckpointStore(directory, CLOCK);

        // when
        store.markEnded("shardId-000000000003", "99");

        // then
        assertThat(store.load("shardId-000000000003").orElseThrow().shardEnded()).isTrue();
    }

    @Test
    void save_neverLetsAReaderSeeAHalfWrittenCheckpoint() throws Exception {
        // given
        CheckpointStore store = new CheckpointStore(directory, CLOCK);
        store.save("shardId-000000000000", "0");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> readErrors = new ArrayList<>();
        Thread reader = new Thread(() -> {
            CheckpointStore other = new CheckpointStore(directory, CLOCK);
            while (writing.get()) {
                try {
                    other.load("shardId-000000000000").orElseThrow();
                } catch (RuntimeException e) {
                    readErrors.add(e);
                }
            }
        });
        reader.start();

        // when
        for (int i = 1; i <= 500; i++) {
            store.save("shardId-000000000000", "4965613834601437431557362819526302574118372742742574694" + i);
        }
        writing.set(false);
        reader.join();

        // then
        assertThat(readErrors).isEmpty();
        assertThat(store.load("shardId-000000000000").orElseThrow().sequenceNumber()).endsWith("4500");
    }

    @Test
    void save_leavesOnlyTheCheckpointFiles() throws Exception {
        // given
        CheckpointStore store = new CheckpointStore(directory, CLOCK);

        // when
        store.save("shardId-000000000000", "1");
        store.save("shardId-000000000000", "2");

        // then
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("shardId-000000000000.json");
        }
    }

    @Test
    void load_ignoresATemporaryFileLeftByAKilledRunner() throws Exception {
        // given
        CheckpointStore store = new CheckpointStore(directory, CLOCK);
        store.save("shardId-000000000000", "5");
        Files.writeString(directory.resolve(".shardId-000000000000.1.tmp"), "{\"shardId\":\"shardId-0000");

        // when / then
        assertThat(store.load("shardId-000000000000").orElseThrow().sequenceNumber()).isEqualTo("5");
    }
}
