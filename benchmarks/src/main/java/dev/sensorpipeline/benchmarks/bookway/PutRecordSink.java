package dev.sensorpipeline.benchmarks.bookway;

import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.EntryResult;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.delivery.RecordSink;
import dev.sensorpipeline.producer.delivery.SinkFailure;
import dev.sensorpipeline.producer.kinesis.SdkFailures;
import dev.sensorpipeline.producer.kinesis.StreamTarget;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

/**
 * The book's way, the producer benchmark's baseline: one PutRecord call per reading. A throttled record comes back
 * as a refusal, so the producer's own retry logic applies to both ways.
 */
public record PutRecordSink(KinesisClient client, StreamTarget target) implements RecordSink {

    @Override
    public List<EntryResult> put(List<PutEntry> entries) {
        if (entries.size() != 1) {
            throw new IllegalArgumentException("PutRecord carries one record, not " + entries.size());
        }
        PutEntry entry = entries.get(0);
        try {
            PutRecordResponse response = client.putRecord(r -> r.streamName(target.streamName())
                    .partitionKey(entry.partitionKey())
                    .explicitHashKey(entry.explicitHashKey())
                    .data(SdkBytes.fromByteArrayUnsafe(entry.data())));
            return List.of(EntryResult.accepted(response.shardId()));
        } catch (SdkException e) {
            SinkFailure failure = SdkFailures.classify(e, target);
            if (failure.kind() == SinkFailure.Kind.RETRYABLE) {
                return List.of(EntryResult.refused(failure.errorCode(), failure.getMessage()));
            }
            throw failure;
        }
    }

    @Override
    public BatchLimits limits() {
        return BatchLimits.PUT_RECORD;
    }
}
