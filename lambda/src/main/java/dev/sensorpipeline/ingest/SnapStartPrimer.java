package dev.sensorpipeline.ingest;

import dev.sensorpipeline.ingest.batch.BatchProcessor;
import dev.sensorpipeline.ingest.log.BatchMetrics;
import dev.sensorpipeline.model.log.JsonLogger;
import dev.sensorpipeline.ingest.record.SourceRecord;
import dev.sensorpipeline.ingest.store.PendingWrite;
import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Everything SnapStart priming does, in one place, for the handler's {@code beforeCheckpoint}: runs the decode and
 * mapping path on a made-up reading, a bad record and an aggregated record, takes one BatchWriteItem through the
 * client's whole request path (marshalling, the endpoint's rules, signing) and stops it before it is sent, and
 * renders a batch's metrics, so that their classes are loaded and initialised before the snapshot rather than in
 * the first batch. Nothing is written or logged; the start-up table check has already made a real request.
 */
public record SnapStartPrimer(BatchProcessor processor, DynamoDbClient dynamoDb, String functionName,
                              Clock clock) {

    /** The table named by the priming request, which is stopped before it leaves. */
    static final String PRIMING_TABLE = "sensor-pipeline-priming-never-sent";

    private static final JsonLogger LOG = JsonLogger.of(SnapStartPrimer.class);
    private static final byte[] READING = ("{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,"
            + "\"temperature\":73.2,\"humidity\":41.5}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] BAD = {'[', ']'};

    /** Primes the function's request path; writes nothing. */
    public void prime() {
        Instant now = clock.instant();
        List<PendingWrite> writes = processor.plannedWrites(sampleRecords(now), now);
        primeRequestPath(writes.isEmpty() ? Map.of() : writes.get(0).item());
        BatchMetrics.builder().build().toEmfFields(functionName, now);
    }

    private static List<SourceRecord> sampleRecords(Instant now) {
        byte[] aggregate = new KplAggregateBuilder().add("sensor-1", READING).add("sensor-1", BAD).build();
        return List.of(
                new SourceRecord("shardId-000000000000:0", "0", "sensor-1", now, null, ByteBuffer.wrap(READING)),
                new SourceRecord("shardId-000000000000:1", "1", "sensor-1", now, null, ByteBuffer.wrap(BAD)),
                new SourceRecord("shardId-000000000000:2", "2", "sensor-1", now, null, ByteBuffer.wrap(aggregate)));
    }

    /**
     * One BatchWriteItem as far as a request goes without leaving. It names a table that does not exist, so that
     * even a client that let it through could not write anything.
     */
    private void primeRequestPath(Map<String, AttributeValue> sampleItem) {
        BatchWriteItemRequest request = BatchWriteItemRequest.builder()
                .requestItems(Map.of(PRIMING_TABLE, List.of(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(sampleItem).build()).build())))
                .overrideConfiguration(override -> override.addPlugin(config -> config.overrideConfiguration(
                        client -> client.addExecutionInterceptor(new StopBeforeSending()))))
                .build();
        try {
            dynamoDb.batchWriteItem(request);
        } catch (StopBeforeSending.Stopped expected) {
            // as far as a request goes without leaving
        } catch (SdkException e) {
            LOG.warn("priming the write path failed; the first batch will load it", "error", e.getMessage());
        }
    }

    private static final class StopBeforeSending implements ExecutionInterceptor {

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stopped();
        }

        static final class Stopped extends RuntimeException {
            Stopped() {
                super("stopped before sending", null, false, false);
            }
        }
    }
}
