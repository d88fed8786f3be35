package dev.sensorpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * Parallel clients through one proxy, as the soak test will drive it. With some 70 calls per test, the chance that a
 * fault of share 0.2 never happens is below one in ten million, so the checks that each fault did happen do not flake.
 */
@Timeout(60)
class FaultInjectingProxyConcurrencyTest {

    private static final MotoServer MOTO = MotoServer.shared();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 60;
    private static final int BATCH = 10;
    /** Bounds a writer's retries, so a proxy that faults forever fails the test instead of hanging it. */
    private static final int MAX_ATTEMPTS_PER_BATCH = 100;

    private final UpstreamState upstream = new UpstreamState(MOTO);
    private ExecutorService writers;
    private FaultInjectingProxy proxy;

    @BeforeEach
    void start() {
        writers = Executors.newFixedThreadPool(THREADS);
        proxy = FaultInjectingProxy.start(MOTO.endpoint(), FaultPlan.none());
    }

    @AfterEach
    void stop() {
        writers.shutdownNow();
        proxy.close();
    }

    @Test
    void proxy_servesParallelBatchWriters_andCountsEveryFaultTheyMeet() throws Exception {
        // given
        String table = "readings-" + UUID.randomUUID();
        upstream.createTable(table);
        proxy.setPlan(FaultPlan.builder().seed(5)
                .throttleBatchWriteItem(0.2)
                .failBatchWriteItem(0.2)
                .leaveItemsUnprocessed(0.3)
                .build());
        Tally seen = new Tally();
        List<String> ids = IntStream.range(0, THREADS * PER_THREAD).mapToObj(i -> "sensor-" + i).toList();

        // when each writer stores its items in batches, retrying until DynamoDB has taken them all
        try (DynamoDbClient dynamoDb = NoRetryClients.dynamoDb(proxy.endpoint())) {
            inBatchesTogether(ids, batch -> writeBatch(dynamoDb, table, batch, seen));
        }

        // then every item is stored, and the proxy counted exactly what the writers met
        assertThat(upstream.ids(table)).containsExactlyInAnyOrderElementsOf(ids);
        FaultStats.OperationStats stats = proxy.stats().dynamoDb("BatchWriteItem");
        assertThat(stats.requests()).isEqualTo(seen.calls.get());
        assertThat(stats.throttled()).isEqualTo(seen.throttled.get()).isPositive();
        assertThat(stats.failed()).isEqualTo(seen.failed.get()).isPositive();
        assertThat(stats.itemsLeftUnprocessed()).isEqualTo(seen.withheld.get()).isPositive();
        assertThat(stats.forwarded()).isEqualTo(stats.requests() - stats.throttled() - stats.failed());
        assertThat(stats.upstreamFailures()).isZero();
    }

    @Test
    void proxy_servesParallelProducers_soThatEachRecordLandsOnce() throws Exception {
        // given
        String stream = "readings-" + UUID.randomUUID();
        upstream.createStream(stream, 2);
        proxy.setPlan(FaultPlan.builder().seed(9)
                .refusePutRecordsEntries(0.3)
                .throttlePutRecords(0.2)
                .build());
        Tally seen = new Tally();
        List<String> data = IntStream.range(0, THREADS * PER_THREAD).mapToObj(i -> "reading-" + i).toList();

        // when each producer sends its records in batches, resending what was refused
        try (KinesisClient kinesis = NoRetryClients.kinesis(proxy.endpoint())) {
            inBatchesTogether(data, batch -> putBatch(kinesis, stream, batch, seen));
        }

        // then no record is lost or doubled, and the proxy counted exactly what the producers met
        assertThat(upstream.records(stream)).containsExactlyInAnyOrderElementsOf(data);
        FaultStats.OperationStats stats = proxy.stats().kinesis("PutRecords");
        assertThat(stats.requests()).isEqualTo(seen.calls.get());
        assertThat(stats.throttled()).isEqualTo(seen.throttled.get()).isPositive();
        assertThat(stats.entriesRefused()).isEqualTo(seen.withheld.get()).isPositive();
        assertThat(stats.upstreamFailures()).isZero();
    }

    /** What the clients saw, to compare with what the proxy counted. */
    private static final class Tally {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong withheld = new AtomicLong();
    }

    private static void writeBatch(DynamoDbClient dynamoDb, String table, List<String> ids, Tally seen) {
        List<WriteRequest> pending = ids.stream()
                .map(id -> WriteRequest.builder().putRequest(PutRequest.builder().item(UpstreamState.item(id)).build())
                        .build())
                .toList();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("attempts for one batch").isLessThan(MAX_ATTEMPTS_PER_BATCH);
            List<WriteRequest> batch = pending;
            seen.calls.incrementAndGet();
            try {
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, batch)))
                        .unprocessedItems().getOrDefault(table, List.of());
                seen.withheld.addAndGet(pending.size());
            } catch (ProvisionedThroughputExceededException e) {
                seen.throttled.incrementAndGet();
            } catch (DynamoDbException e) {
                assertThat(e.statusCode()).isEqualTo(500);
                seen.failed.incrementAndGet();
            }
        }
    }

    private static void putBatch(KinesisClient kinesis, String stream, List<String> data, Tally seen) {
        List<PutRecordsRequestEntry> pending = data.stream()
                .map(text -> PutRecordsRequestEntry.builder().partitionKey(text).data(SdkBytes.fromUtf8String(text))
                        .build())
                .toList();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("attempts for one batch").isLessThan(MAX_ATTEMPTS_PER_BATCH);
            List<PutRecordsRequestEntry> batch = pending;
            seen.calls.incrementAndGet();
            try {
                PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(batch));
                List<PutRecordsRequestEntry> refused = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (response.records().get(i).errorCode() != null) {
                        refused.add(batch.get(i));
                    }
                }
                seen.withheld.addAndGet(refused.size());
                pending = refused;
            } catch (software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException e) {
                seen.throttled.incrementAndGet();
            }
        }
    }

    /** Starts all tasks at once, so their calls overlap, and waits for all; a task's failure fails the test. */
    /** Sends one batch; what it throws fails the test. */
    private interface BatchSender {
        void send(List<String> batch) throws Exception;
    }

    /** Each of THREADS workers sends its PER_THREAD of the items, BATCH at a time, all at once. */
    private void inBatchesTogether(List<String> items, BatchSender sender) throws Exception {
        runTogether(IntStream.range(0, THREADS).mapToObj(worker -> (Callable<Void>) () -> {
            for (int from = worker * PER_THREAD; from < (worker + 1) * PER_THREAD; from += BATCH) {
                sender.send(items.subList(from, from + BATCH));
            }
            return null;
        }).toList());
    }

    private void runTogether(List<Callable<Void>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            running.add(writers.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        for (Future<Void> future : running) {
            future.get(50, TimeUnit.SECONDS);
        }
    }
}
