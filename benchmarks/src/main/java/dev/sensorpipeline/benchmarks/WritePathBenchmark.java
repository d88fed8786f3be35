package dev.sensorpipeline.benchmarks;

import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.ingest.record.SourceRecord;
import dev.sensorpipeline.ingest.store.BatchWriter;
import dev.sensorpipeline.ingest.store.PendingWrite;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.ingest.store.WriteResult;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.retry.Sleeper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function's writer, records per second, against a loopback endpoint that answers like DynamoDB: 1,000 items
 * a batch, in BatchWriteItem requests of 25, with {@code parallelism} requests in flight. The requests-per-record
 * counter shows the batching (1/25 = 0.04; the book's PutItem per record is 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class WritePathBenchmark {

    static final int RECORDS = 1000;

    @Param({"1", "4", "8", "16"})
    public int parallelism;

    private DynamoDbStub stub;
    private DynamoDbClient dynamoDb;
    private ExecutorService executor;
    private BatchWriter writer;
    private List<PendingWrite> writes;

    /** Requests sent and records written; their ratio is the requests per record. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Requests {
        public long requests;
        public long records;
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        stub = new DynamoDbStub();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        executor = Executors.newFixedThreadPool(parallelism);
        writer = new BatchWriter(dynamoDb, executor, BatchWriter.DEFAULT_BACKOFF, Sleeper.SYSTEM, 12);
        SensorItemMapper mapper = new SensorItemMapper(Optional.empty());
        writes = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            SourceRecord source = new SourceRecord("shardId-000000000000:" + i, Integer.toString(i), "sensor", null,
                    null, null);
            writes.add(new PendingWrite("SensorData",
                    mapper.toItem(SensorReading.of("sensor-" + i % 13, 1764400000L + i, new BigDecimal("21.5"))),
                    source));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        executor.shutdownNow();
        dynamoDb.close();
        stub.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public WriteResult writeBatchOf1000(Requests counters) {
        long before = stub.requests();
        WriteResult result = writer.writeAll(writes, Deadline.in(Duration.ofMinutes(1), Duration.ZERO));
        counters.requests += stub.requests() - before;
        counters.records += result.written();
        return result;
    }
}
