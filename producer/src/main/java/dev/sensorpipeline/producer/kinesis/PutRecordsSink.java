package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.producer.delivery.BatchLimits;
import dev.sensorpipeline.producer.delivery.EntryResult;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.delivery.RecordSink;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts a batch with one PutRecords call and reads each entry's fate from the answer. An entry's explicit hash key,
 * when it has one (an aggregated record's), picks its shard instead of its partition key.
 */
public record PutRecordsSink(KinesisClient client, StreamTarget target) implements RecordSink {

    @Override
    public List<EntryResult> put(List<PutEntry> entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>(entries.size());
        for (PutEntry entry : entries) {
            records.add(PutRecordsRequestEntry.builder()
                    .partitionKey(entry.partitionKey())
                    .explicitHashKey(entry.explicitHashKey())
                    .data(SdkBytes.fromByteArrayUnsafe(entry.data()))
                    .build());
        }
        PutRecordsResponse response;
        try {
            response = client.putRecords(r -> r.streamName(target.streamName()).records(records));
        } catch (SdkException e) {
            throw SdkFailures.classify(e, target);
        }
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (PutRecordsResultEntry result : response.records()) {
            results.add(result.errorCode() == null
                    ? EntryResult.accepted(result.shardId())
                    : EntryResult.refused(result.errorCode(), result.errorMessage()));
        }
        return results;
    }

    @Override
    public BatchLimits limits() {
        return BatchLimits.PUT_RECORDS;
    }
}
