package dev.sensorpipeline.ingest;

import dev.sensorpipeline.ingest.batch.BatchProcessor;
import dev.sensorpipeline.ingest.config.IngestConfig;
import dev.sensorpipeline.ingest.config.TableCheck;
import dev.sensorpipeline.ingest.store.BatchWriter;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.model.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The function's parts, wired once per container: the composition root. Tests wire their own through
 * {@link #create(IngestConfig, DynamoDbClient)}.
 *
 * @param config    the settings
 * @param processor the batch processor over a real DynamoDB client
 * @param primer    what SnapStart priming runs, over the same parts
 */
public record IngestFunction(IngestConfig config, BatchProcessor processor, SnapStartPrimer primer) {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = BatchWriter.DEFAULT_ATTEMPT_TIMEOUT;

    /**
     * Reads the settings, builds the DynamoDB client and checks that both tables exist. The endpoint comes from
     * {@code AWS_ENDPOINT_URL} when set and credentials from the default chain, as in every AWS SDK; the region is
     * given explicitly, so the SDK never searches for one.
     */
    public static IngestFunction fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, builder -> { });
    }

    /**
     * As {@link #fromEnvironment(Map)}, with a last say on the client: tests point it at a local endpoint with
     * dummy credentials, everything else as in production.
     */
    public static IngestFunction fromEnvironment(Map<String, String> env,
                                                 Consumer<DynamoDbClientBuilder> customizer) {
        return build(IngestConfig.fromEnvironment(env), customizer);
    }

    /** As {@link #fromEnvironment(Map)}, from settings already read. */
    public static IngestFunction build(IngestConfig config) {
        return build(config, builder -> { });
    }

    private static IngestFunction build(IngestConfig config, Consumer<DynamoDbClientBuilder> customizer) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .build())
                // Retries are the writer's: it knows the invocation's deadline and retries UnprocessedItems too.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        customizer.accept(builder);
        DynamoDbClient dynamoDb = builder.build();
        if (config.checkTablesAtStart()) {
            TableCheck.requireTable(dynamoDb, "TABLE_NAME", config.tableName(), config.region());
            TableCheck.requireTable(dynamoDb, "REJECTS_TABLE_NAME", config.rejectsTableName(), config.region());
        }
        return create(config, dynamoDb);
    }

    /** Wires the processor over the given client. */
    public static IngestFunction create(IngestConfig config, DynamoDbClient dynamoDb) {
        return create(config, dynamoDb, BatchWriter.DEFAULT_BACKOFF, Sleeper.SYSTEM);
    }

    /** Wires the processor over the given client, backoff and sleeper. */
    public static IngestFunction create(IngestConfig config, DynamoDbClient dynamoDb, Backoff backoff,
                                        Sleeper sleeper) {
        BatchWriter writer = new BatchWriter(dynamoDb, writerThreads(config.writeParallelism()), backoff, sleeper,
                config.maxWriteAttempts());
        BatchProcessor processor = new BatchProcessor(new ReadingCodec(), new SensorItemMapper(config.readingTtl()),
                new RejectItemMapper(), writer,
                new BatchProcessor.Tables(config.tableName(), config.rejectsTableName()),
                config.functionName(), Clock.systemUTC());
        return new IngestFunction(config, processor,
                new SnapStartPrimer(processor, dynamoDb, config.functionName(), Clock.systemUTC()));
    }

    private static ExecutorService writerThreads(int parallelism) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "dynamodb-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
