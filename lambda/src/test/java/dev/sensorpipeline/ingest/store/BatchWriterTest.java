package dev.sensorpipeline.ingest.store;

import static dev.sensorpipeline.ingest.FakeDynamoDb.Fault.LEAVE_HALF_UNPROCESSED;
import static dev.sensorpipeline.ingest.FakeDynamoDb.Fault.NETWORK_ERROR;
import static dev.sensorpipeline.ingest.FakeDynamoDb.Fault.SERVER_ERROR;
import static dev.sensorpipeline.ingest.FakeDynamoDb.Fault.THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.ingest.FakeDynamoDb;
import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.ingest.record.SourceRecord;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.retry.Backoff;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    private static final int MAX_ATTEMPTS = 5;

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(25), Duration.ofMillis(200), () -> 0.999);
    private final BatchWriter writer = new BatchWriter(dynamoDb, executor, backoff, waits::add, MAX_ATTEMPTS);
    private final Deadline plentyOfTime = Deadline.in(Duration.ofMinutes(1), Duration.ZERO);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static List<PendingWrite> readings(int count) {
        SensorItemMapper mapper = new SensorItemMapper(Optional.empty());
        List<PendingWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SourceRecord source = new SourceRecord("shardId-0:" + i, Integer.toString(i), "s", null, null, null);
            writes.add(new PendingWrite("SensorData",
                    mapper.toItem(SensorReading.of("sensor-1", 1000 + i, new BigDecimal("20.5"))), source));
        }
        return writes;
    }

    @Test
    void writeAll_sendsAtMost25ItemsPerRequest() {
        // given
        List<PendingWrite> writes = readings(60);

        // when
        WriteResult result = writer.writeAll(writes, plentyOfTime);

        // then
        assertThat(dynamoDb.requests()).extracting(r -> r.requestItems().get("SensorData").size())
                .containsExactlyInAnyOrder(25, 25, 10);
        assertThat(result.written()).isEqualTo(60);
        assertThat(dynamoDb.items("SensorData")).hasSize(60);
    }

    @Test
    void writeAll_retriesUnprocessedItems_untilAllAreWritten() {
        // given
        dynamoDb.thenFail(LEAVE_HALF_UNPROCESSED, LEAVE_HALF_UNPROCESSED, LEAVE_HALF_UNPROCESSED);

        // when
        WriteResult result = writer.writeAll(readings(20), plentyOfTime);

        // then
        assertThat(result.failed()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(20);
        assertThat(dynamoDb.requests()).extracting(r -> r.requestItems().get("SensorData").size())
                .containsExactly(20, 10, 5, 2);
    }

    @Test
    void writeAll_retriesThrottlingServerAndNetworkErrors_untilAllAreWritten() {
        // given
        dynamoDb.thenFail(THROTTLE, SERVER_ERROR, NETWORK_ERROR, THROTTLE);

        // when
        WriteResult result = writer.writeAll(readings(3), plentyOfTime);

        // then
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.failed()).isEmpty();
        assertThat(result.retries()).isEqualTo(4);
        assertThat(result.throttled()).isEqualTo(2);
    }

    @Test
    void writeAll_waitsLongerBeforeEachRetry_upToTheCap() {
        // given
        dynamoDb.thenFail(THROTTLE, THROTTLE, THROTTLE, THROTTLE);

        // when
        writer.writeAll(readings(1), plentyOfTime);

        // then the waits double from 25 ms and stop growing at the 200 ms cap
        assertThat(waits).extracting(Duration::toMillis).containsExactly(24L, 49L, 99L, 199L);
    }

    @Test
    void writeAll_returnsTheItemsStillUnwritten_whenAttemptsRunOut() {
        // given
        dynamoDb.down(true);
        List<PendingWrite> writes = readings(30);

        // when
        WriteResult result = writer.writeAll(writes, plentyOfTime);

        // then
        assertThat(result.failed()).containsExactlyInAnyOrderElementsOf(writes);
        assertThat(dynamoDb.requests()).hasSize(2 * MAX_ATTEMPTS);
    }

    @Test
    void writeAll_startsNoRequest_onceTheDeadlineHasPassed() {
        // given
        Deadline passed = Deadline.in(Duration.ofMillis(500), Duration.ofSeconds(1));

        // when
        WriteResult result = writer.writeAll(readings(5), passed);

        // then
        assertThat(dynamoDb.requests()).isEmpty();
        assertThat(result.failed()).hasSize(5);
    }

    @Test
    void writeAll_stopsRetrying_whenTheNextWaitWouldReachTheDeadline() {
        // given a deadline 60 ms away on a clock that moves only when the writer waits
        AtomicLong nanos = new AtomicLong();
        Deadline deadline = Deadline.in(Duration.ofMillis(60), Duration.ZERO, nanos::get);
        BatchWriter timedWriter = new BatchWriter(dynamoDb, executor, backoff,
                wait -> nanos.addAndGet(wait.toNanos()), MAX_ATTEMPTS);
        dynamoDb.down(true);

        // when
        WriteResult result = timedWriter.writeAll(readings(1), deadline);

        // then: tried, waited 24 ms, tried, and a 49 ms wait would pass the deadline
        assertThat(dynamoDb.requests()).hasSize(2);
        assertThat(result.failed()).hasSize(1);
    }

    @Test
    void writeAll_boundsEachAttemptByTheTimeLeft_whenTheDeadlineIsNearerThanTheAttemptTimeout() {
        // given a deadline 3 s away on a clock that does not move
        AtomicLong nanos = new AtomicLong();
        Deadline deadline = Deadline.in(Duration.ofSeconds(3), Duration.ZERO, nanos::get);

        // when
        writer.writeAll(readings(1), deadline);

        // then the request may take 3 s, not the default 10 s: it ends at the deadline at the latest
        assertThat(dynamoDb.requests()).singleElement()
                .satisfies(request -> assertThat(request.overrideConfiguration().orElseThrow().apiCallAttemptTimeout())
                        .contains(Duration.ofSeconds(3)));
    }

    @Test
    void writeAll_keepsTheDefaultAttemptTimeout_whenTheDeadlineIsFar() {
        // when
        writer.writeAll(readings(1), plentyOfTime);

        // then
        assertThat(dynamoDb.requests()).singleElement()
                .satisfies(request -> assertThat(request.overrideConfiguration().orElseThrow().apiCallAttemptTimeout())
                        .contains(BatchWriter.DEFAULT_ATTEMPT_TIMEOUT));
    }

    @Test
    void attemptTimeout_isAMillisecondAtLeast_whenTheDeadlineHasJustPassed() {
        // given
        Deadline passed = Deadline.in(Duration.ZERO, Duration.ofSeconds(1));

        // when / then: the SDK refuses a timeout that is not positive
        assertThat(BatchWriter.attemptTimeout(passed)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void writeAll_triesItemsOneByOne_whenDynamoDbRefusesTheRequest_andReturnsOnlyTheRefusedItem() {
        // given
        List<PendingWrite> writes = readings(5);
        dynamoDb.refusing(item -> item.get(SensorItemMapper.CURRENT_TIME).n().equals("1002"));

        // when
        WriteResult result = writer.writeAll(writes, plentyOfTime);

        // then
        assertThat(result.refused()).extracting(WriteResult.Refused::write).containsExactly(writes.get(2));
        assertThat(result.refused().get(0).message()).contains("invalid");
        assertThat(result.written()).isEqualTo(4);
        assertThat(result.failed()).isEmpty();
    }

    @Test
    void writeAll_returnsTheFullSensorsItemsForRetry_neverAsRefused_andWritesTheOthers_whenItsItemCollectionIsFull() {
        // given ten readings of a sensor whose item collection is full, interleaved with ten of another
        SensorItemMapper mapper = new SensorItemMapper(Optional.empty());
        List<PendingWrite> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String sensor = i % 2 == 0 ? "sensor-full" : "sensor-ok";
            writes.add(new PendingWrite("SensorData", mapper.toItem(SensorReading.of(sensor, 1000 + i,
                    new BigDecimal("20.5"))), new SourceRecord("shardId-0:" + i, Integer.toString(i), sensor,
                    null, null, null)));
        }
        dynamoDb.withFullItemCollections(item -> item.get(SensorItemMapper.SENSOR_ID).s().equals("sensor-full"));

        // when
        WriteResult result = writer.writeAll(writes, plentyOfTime);

        // then
        assertThat(result.refused()).isEmpty();
        assertThat(result.failed()).extracting(w -> w.item().get(SensorItemMapper.SENSOR_ID).s())
                .hasSize(10).containsOnly("sensor-full");
        assertThat(result.itemCollectionLimitExceeded()).isEqualTo(10);
        assertThat(dynamoDb.items("SensorData")).extracting(item -> item.get(SensorItemMapper.SENSOR_ID).s())
                .hasSize(10).containsOnly("sensor-ok");
    }

    @Test
    void writeAll_doesNotRetry_whenTheTableDoesNotExist() {
        // given
        SourceRecord source = new SourceRecord("e", "1", "s", null, null, null);
        PendingWrite write = new PendingWrite("NoSuchTable", readings(1).get(0).item(), source);

        // when
        WriteResult result = writer.writeAll(List.of(write), plentyOfTime);

        // then
        assertThat(dynamoDb.requests()).hasSize(1);
        assertThat(result.failed()).containsExactly(write);
    }

    @Test
    void chunk_keepsOrder_andSplitsAtTheSize() {
        assertThat(BatchWriter.chunk(IntStream.range(0, 7).boxed().toList(), 3))
                .containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
    }
}
