package dev.sensorpipeline.local.runner.stream;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** {@link StreamReader} on the Kinesis API, through the SDK. */
public final class KinesisStreamReader implements StreamReader {

    private final KinesisClient kinesis;

    public KinesisStreamReader(KinesisClient kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public List<ShardInfo> listShards(String streamArn) {
        List<ShardInfo> shards = new ArrayList<>();
        String nextToken = null;
        do {
            ListShardsRequest request = nextToken == null
                    ? ListShardsRequest.builder().streamARN(streamArn).build()
                    : ListShardsRequest.builder().nextToken(nextToken).build();
            ListShardsResponse response = call(() -> kinesis.listShards(request));
            for (Shard shard : response.shards()) {
                String ending = shard.sequenceNumberRange() == null
                        ? null : shard.sequenceNumberRange().endingSequenceNumber();
                shards.add(new ShardInfo(shard.shardId(), shard.parentShardId(), shard.adjacentParentShardId(),
                        ending));
            }
            nextToken = response.nextToken();
        } while (nextToken != null);
        return shards;
    }

    @Override
    public String iterator(String streamArn, String shardId, StartPosition position) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                .streamARN(streamArn)
                .shardId(shardId)
                .shardIteratorType(ShardIteratorType.fromValue(position.type().name()));
        if (position.sequenceNumber() != null) {
            request.startingSequenceNumber(position.sequenceNumber());
        }
        if (position.timestamp() != null) {
            request.timestamp(position.timestamp());
        }
        return call(() -> kinesis.getShardIterator(request.build())).shardIterator();
    }

    @Override
    public ReadResult read(String streamArn, String iterator, int limit) {
        GetRecordsRequest request = GetRecordsRequest.builder()
                .streamARN(streamArn)
                .shardIterator(iterator)
                .limit(limit)
                .build();
        GetRecordsResponse response = call(() -> kinesis.getRecords(request));
        List<StreamRecord> records = new ArrayList<>(response.records().size());
        for (Record record : response.records()) {
            records.add(new StreamRecord(record.sequenceNumber(), record.partitionKey(),
                    record.data().asByteArray(), record.approximateArrivalTimestamp() == null
                            ? java.time.Instant.now() : record.approximateArrivalTimestamp()));
        }
        long behind = response.millisBehindLatest() == null ? 0 : response.millisBehindLatest();
        return new ReadResult(records, response.nextShardIterator(), behind);
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ProvisionedThroughputExceededException | KmsThrottlingException | LimitExceededException e) {
            throw new StreamReadException(StreamReadException.Kind.THROTTLED, e.getMessage(), e);
        } catch (ExpiredIteratorException e) {
            throw new StreamReadException(StreamReadException.Kind.ITERATOR_EXPIRED, e.getMessage(), e);
        } catch (ResourceNotFoundException e) {
            throw new StreamReadException(StreamReadException.Kind.NOT_FOUND, e.getMessage(), e);
        } catch (SdkServiceException | SdkClientException e) {
            throw StreamReadException.of(e);
        }
    }
}
