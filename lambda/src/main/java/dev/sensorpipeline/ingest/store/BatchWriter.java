package dev.sensorpipeline.ingest.store;

import dev.sensorpipeline.ingest.internal.Deadline;
import dev.sensorpipeline.model.log.JsonLogger;
import dev.sensorpipeline.model.retry.Backoff;
import dev.sensorpipeline.model.retry.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 to a request, requests in parallel. Throttling, server errors, network
 * errors and UnprocessedItems are retried with capped exponential backoff and full jitter, while attempts and the
 * invocation's time last; what is still unwritten then is returned, never dropped.
 *
 * <p>Every write is a whole-item put keyed by the item's primary key, so a retry, or a replay of the batch by
 * Lambda, rewrites the same item: writes are idempotent. Callers must not pass two items with the same key in one
 * call: DynamoDB refuses a request that holds a key twice.
 */
public final class BatchWriter {

    /** DynamoDB's limit of write requests in one BatchWriteItem. */
    public static final int MAX_ITEMS_PER_REQUEST = 25;

    /**
     * 25 ms doubling up to 2 s: a throttled table's capacity comes back within a second or two, and the invocation's
     * deadline bounds the waits anyway.
     */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(2));

    /**
     * The longest one BatchWriteItem attempt may take when the deadline is far: DynamoDB answers in milliseconds, so
     * an attempt this long is a stalled connection, better abandoned and retried.
     */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    /** Below this an attempt could not even reach DynamoDB; the SDK also needs a positive timeout. */
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(1);

    private static final JsonLogger LOG = JsonLogger.of(BatchWriter.class);

    private final DynamoDbClient dynamoDb;
    private final ExecutorService executor;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final int maxAttempts;

    public BatchWriter(DynamoDbClient dynamoDb, ExecutorService executor, Backoff backoff, Sleeper sleeper,
                       int maxAttempts) {
        this.dynamoDb = dynamoDb;
        this.executor = executor;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
    }

    /** Writes all items, in requests of at most 25, and says what became of them. */
    public WriteResult writeAll(List<PendingWrite> writes, Deadline deadline) {
        if (writes.isEmpty()) {
            return WriteResult.NOTHING;
        }
        List<List<PendingWrite>> chunks = chunk(writes, MAX_ITEMS_PER_REQUEST);
        if (chunks.size() == 1) {
            return writeChunk(chunks.get(0), deadline).toResult();
        }
        List<Future<Tally>> futures = new ArrayList<>(chunks.size());
        for (List<PendingWrite> chunk : chunks) {
            futures.add(executor.submit(() -> writeChunk(chunk, deadline)));
        }
        Tally total = new Tally();
        for (int i = 0; i < futures.size(); i++) {
            total.add(await(futures.get(i), chunks.get(i)));
        }
        return total.toResult();
    }

    /** Splits in order into lists of at most {@code size}. */
    public static <T> List<List<T>> chunk(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return chunks;
    }

    private Tally await(Future<Tally> future, List<PendingWrite> chunk) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Tally.allFailed(chunk);
        } catch (ExecutionException e) {
            LOG.error("write of a chunk broke unexpectedly; its records are reported as failed",
                    "items", chunk.size(), "error", String.valueOf(e.getCause()));
            return Tally.allFailed(chunk);
        }
    }

    private Tally writeChunk(List<PendingWrite> chunk, Deadline deadline) {
        Tally tally = new Tally();
        List<PendingWrite> pending = chunk;
        int attempt = 0;
        SdkException lastError = null;
        while (!pending.isEmpty() && attempt < maxAttempts) {
            if (attempt > 0) {
                Duration wait = backoff.delayBefore(attempt);
                if (!deadline.allowsWaiting(wait)) {
                    break;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } else if (deadline.passed()) {
                break;
            }
            attempt++;
            tally.requests++;
            try {
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(requestFor(pending, deadline));
                List<PendingWrite> unprocessed = unprocessed(pending, response);
                tally.written += pending.size() - unprocessed.size();
                pending = unprocessed;
                if (!pending.isEmpty()) {
                    tally.retries++;
                }
            } catch (SdkException e) {
                lastError = e;
                if (isRefusal(e)) {
                    tally.add(writeOneByOne(pending, e, deadline));
                    pending = List.of();
                } else if (e instanceof ItemCollectionSizeLimitExceededException) {
                    tally.add(pending.size() == 1 ? collectionFull(pending.get(0), e) : eachAlone(pending, deadline));
                    pending = List.of();
                } else if (isRetryable(e)) {
                    tally.retries++;
                    if (e instanceof SdkServiceException service && service.isThrottlingException()) {
                        tally.throttled++;
                    }
                } else {
                    break;
                }
            }
        }
        if (!pending.isEmpty()) {
            LOG.warn("items not written; their records will be reported for Lambda to retry",
                    "items", pending.size(), "attempts", attempt, "deadlineReached", deadline.passed(),
                    "lastError", lastError == null ? null : lastError.getMessage());
            tally.failed.addAll(pending);
        }
        return tally;
    }

    /**
     * DynamoDB refused the request as invalid. Readings are checked against DynamoDB's limits before writing, so
     * this should not happen; if it does, one bad item must not fail its 24 neighbours: each is tried alone, and
     * the one DynamoDB still refuses is returned with DynamoDB's reason.
     */
    private Tally writeOneByOne(List<PendingWrite> pending, SdkException refusal, Deadline deadline) {
        if (pending.size() == 1) {
            Tally tally = new Tally();
            tally.refused.add(new WriteResult.Refused(pending.get(0), refusal.getMessage()));
            return tally;
        }
        return eachAlone(pending, deadline);
    }

    /** Writes each item in a request of its own, so that what DynamoDB refuses is known item by item. */
    private Tally eachAlone(List<PendingWrite> pending, Deadline deadline) {
        Tally tally = new Tally();
        for (PendingWrite write : pending) {
            tally.add(writeChunk(List.of(write), deadline));
        }
        return tally;
    }

    /**
     * The item's sensor has filled its item collection: its items in the table and in the local secondary index
     * together have reached DynamoDB's 10 GB, and every write for that sensor fails until items go. The reading is
     * valid, so it is never a reject: its record is reported for Lambda to retry, and counted and logged apart,
     * naming the sensor and the remedy, because retries alone cannot help and nothing else would name the cause.
     */
    private static Tally collectionFull(PendingWrite write, SdkException e) {
        AttributeValue sensorId = write.item().get(SensorItemMapper.SENSOR_ID);
        LOG.error("item collection full: this sensor's items in the table and its local secondary index have reached"
                        + " DynamoDB's 10 GB limit, and every write for it fails until items are deleted; its record"
                        + " is reported for Lambda to retry. Remedy: let old readings expire (READING_TTL_DAYS with"
                        + " TTL on ExpiresAt, scripts/deploy.sh) or move TemperatureIndex to a global secondary index"
                        + " (docs/COST.md, the item collection limit)",
                "sensorId", sensorId == null ? null : sensorId.s(), "table", write.table(),
                "sequenceNumber", write.source().sequenceNumber(), "error", e.getMessage());
        Tally tally = Tally.allFailed(List.of(write));
        tally.itemCollectionLimitExceeded++;
        return tally;
    }

    /**
     * The request for these writes, its attempt bounded by the time left: a write started shortly before the
     * deadline must not outlive the invocation (Lambda would cut the function off before it reports what it has not
     * stored), so each attempt ends at the deadline at the latest.
     */
    static BatchWriteItemRequest requestFor(List<PendingWrite> writes, Deadline deadline) {
        Duration attemptTimeout = attemptTimeout(deadline);
        Map<String, List<WriteRequest>> byTable = new LinkedHashMap<>();
        for (PendingWrite write : writes) {
            byTable.computeIfAbsent(write.table(), t -> new ArrayList<>())
                    .add(WriteRequest.builder().putRequest(PutRequest.builder().item(write.item()).build()).build());
        }
        return BatchWriteItemRequest.builder().requestItems(byTable)
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(attemptTimeout))
                .build();
    }

    /** The default attempt timeout, or the time left before the deadline when that is shorter. */
    static Duration attemptTimeout(Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.compareTo(DEFAULT_ATTEMPT_TIMEOUT) >= 0) {
            return DEFAULT_ATTEMPT_TIMEOUT;
        }
        return left.compareTo(SHORTEST_ATTEMPT) < 0 ? SHORTEST_ATTEMPT : left;
    }

    /**
     * The pending writes DynamoDB left unprocessed. They are matched by table and whole item, which is unique in a
     * request since no key appears twice; should one not match, all are sent again, as puts are idempotent.
     */
    private static List<PendingWrite> unprocessed(List<PendingWrite> sent, BatchWriteItemResponse response) {
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
            return List.of();
        }
        Map<String, Map<Map<String, AttributeValue>, PendingWrite>> byTable = new HashMap<>();
        for (PendingWrite write : sent) {
            byTable.computeIfAbsent(write.table(), t -> new HashMap<>()).put(write.item(), write);
        }
        List<PendingWrite> left = new ArrayList<>();
        for (Map.Entry<String, List<WriteRequest>> entry : response.unprocessedItems().entrySet()) {
            Map<Map<String, AttributeValue>, PendingWrite> items = byTable.getOrDefault(entry.getKey(), Map.of());
            for (WriteRequest request : entry.getValue()) {
                PendingWrite match = request.putRequest() == null ? null : items.get(request.putRequest().item());
                if (match == null) {
                    LOG.warn("an unprocessed item matched nothing sent; sending the whole request again",
                            "table", entry.getKey());
                    return sent;
                }
                left.add(match);
            }
        }
        return left;
    }

    /** Throttling, server errors and network trouble pass; retrying them is how AWS asks to be used. */
    static boolean isRetryable(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return e instanceof SdkClientException && hasIoCause(e);
    }

    /** A 400 ValidationException: DynamoDB will refuse these items however often they are sent. */
    static boolean isRefusal(SdkException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                && aws.statusCode() == 400
                && aws.awsErrorDetails() != null
                && "ValidationException".equals(aws.awsErrorDetails().errorCode());
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A mutable tally, confined to one thread, of what became of one chunk. */
    private static final class Tally {
        int written;
        int requests;
        int retries;
        int throttled;
        int itemCollectionLimitExceeded;
        final List<PendingWrite> failed = new ArrayList<>();
        final List<WriteResult.Refused> refused = new ArrayList<>();

        static Tally allFailed(List<PendingWrite> chunk) {
            Tally tally = new Tally();
            tally.failed.addAll(chunk);
            return tally;
        }

        void add(Tally other) {
            written += other.written;
            requests += other.requests;
            retries += other.retries;
            throttled += other.throttled;
            itemCollectionLimitExceeded += other.itemCollectionLimitExceeded;
            failed.addAll(other.failed);
            refused.addAll(other.refused);
        }

        WriteResult toResult() {
            return new WriteResult(written, List.copyOf(failed), List.copyOf(refused), requests, retries, throttled,
                    itemCollectionLimitExceeded);
        }
    }
}
