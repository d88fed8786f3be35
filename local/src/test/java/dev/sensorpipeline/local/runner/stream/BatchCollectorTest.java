package dev.sensorpipeline.local.runner.stream;

import static dev.sensorpipeline.local.runner.stream.Records.numbered;
import static dev.sensorpipeline.local.runner.stream.Records.sequenceNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.event.KinesisEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCollectorTest {

    private static final Duration POLL = Duration.ofMillis(1000);

    private final FakeStream stream = new FakeStream();
    private final List<Duration> waits = new ArrayList<>();
    private final long[] now = {0};
    private Runnable onWait = () -> { };
    private final ShardActivity activity = new ShardActivity(() -> now[0]);
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));

    private BatchCollector collector(int batchSize, Duration window, int maxEventBytes) {
        return new BatchCollector(stream, "arn:aws:kinesis:us-east-1:123456789012:stream/s", "shardId-000000000000",
                StartPosition.trimHorizon(), new BatchCollector.Settings(batchSize, window, POLL, maxEventBytes,
                        KinesisEventBuilder::estimatedSize),
                activity, console, duration -> {
                    waits.add(duration);
                    now[0] += duration.toNanos();
                    onWait.run();
                }, () -> now[0]);
    }

    private BatchCollector collector(int batchSize, Duration window) {
        return collector(batchSize, window, KinesisEventBuilder.MAX_EVENT_BYTES);
    }

    @Test
    void next_returnsAtMostBatchSizeRecords_inOrder() throws Exception {
        // given
        stream.records.addAll(numbered(1, 25));
        BatchCollector collector = collector(10, Duration.ZERO);

        // when
        List<List<String>> batches = List.of(sequenceNumbers(collector.next().records()),
                sequenceNumbers(collector.next().records()), sequenceNumbers(collector.next().records()));

        // then
        assertThat(batches.get(0)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(batches.get(1)).hasSize(10).startsWith("11").endsWith("20");
        assertThat(batches.get(2)).containsExactly("21", "22", "23", "24", "25");
    }

    @Test
    void next_readsAgainWithBackoff_whenThrottled_losingAndRepeatingNothing() throws Exception {
        // given
        stream.records.addAll(numbered(1, 5));
        stream.nextReadFailures.add(StreamReadException.Kind.THROTTLED);
        stream.nextReadFailures.add(StreamReadException.Kind.THROTTLED);

        // when
        BatchCollector.Batch batch = collector(100, Duration.ZERO).next();

        // then
        assertThat(sequenceNumbers(batch.records())).containsExactly("1", "2", "3", "4", "5");
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void next_resumesAfterTheLastRecordRead_whenTheIteratorExpired() throws Exception {
        // given
        stream.records.addAll(numbered(1, 6));
        stream.perRead = 3;
        stream.failAtRead.put(2, StreamReadException.Kind.ITERATOR_EXPIRED);
        BatchCollector collector = collector(100, Duration.ofSeconds(5));

        // when
        BatchCollector.Batch batch = collector.next();

        // then
        assertThat(sequenceNumbers(batch.records())).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(stream.iteratorsAskedFor).containsExactly(StartPosition.trimHorizon(),
                StartPosition.afterSequenceNumber("3"));
    }

    @Test
    void next_gathersRecordsForTheBatchingWindow_once_theFirstIsIn() throws Exception {
        // given
        stream.records.addAll(numbered(1, 2));
        int[] arrivals = {3};
        onWait = () -> stream.records.add(Records.record(arrivals[0]++));
        BatchCollector collector = new BatchCollector(stream, "arn", "shardId-000000000000",
                StartPosition.trimHorizon(), new BatchCollector.Settings(100, Duration.ofSeconds(1),
                Duration.ofMillis(300), KinesisEventBuilder.MAX_EVENT_BYTES, KinesisEventBuilder::estimatedSize),
                activity, console, duration -> {
                    waits.add(duration);
                    now[0] += duration.toNanos();
                    onWait.run();
                }, () -> now[0]);

        // when
        BatchCollector.Batch batch = collector.next();

        // then: read at 0, 300, 600 and 900 ms; the window closes at 1000 ms, before record 6 is read
        assertThat(sequenceNumbers(batch.records())).containsExactly("1", "2", "3", "4", "5");
        assertThat(waits).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(100));
    }

    @Test
    void next_returnsNoRecordsAfterOnePollInterval_andMarksTheShardCaughtUp_whenNothingIsNew() throws Exception {
        // when
        BatchCollector.Batch batch = collector(100, Duration.ofSeconds(1)).next();

        // then
        assertThat(batch.records()).isEmpty();
        assertThat(batch.shardEnded()).isFalse();
        assertThat(waits).containsExactly(POLL);
        assertThat(activity.isCaughtUp()).isTrue();
    }

    @Test
    void next_keepsEachBatchUnderLambdasPayloadLimit_carryingTheRestToTheNextBatch() throws Exception {
        // given
        stream.records.addAll(numbered(1, 7));
        int threeRecords = 3 * KinesisEventBuilder.estimatedSize(Records.record(1));
        BatchCollector collector = collector(100, Duration.ZERO, threeRecords);

        // when
        List<List<String>> batches = List.of(sequenceNumbers(collector.next().records()),
                sequenceNumbers(collector.next().records()), sequenceNumbers(collector.next().records()));

        // then
        assertThat(batches).containsExactly(List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7"));
    }

    @Test
    void next_saysTheShardEnded_onceAClosedShardIsReadToItsEnd() throws Exception {
        // given
        stream.records.addAll(numbered(1, 3));
        stream.closed = true;
        BatchCollector collector = collector(100, Duration.ZERO);

        // when
        BatchCollector.Batch last = collector.next();
        BatchCollector.Batch end = collector.next();

        // then
        assertThat(sequenceNumbers(last.records())).containsExactly("1", "2", "3");
        assertThat(last.shardEnded()).isFalse();
        assertThat(end.records()).isEmpty();
        assertThat(end.shardEnded()).isTrue();
    }
}
