package dev.sensorpipeline.local.runner.stream;

import dev.sensorpipeline.model.event.DynamodbChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@link StreamReader} on a table's stream, through the DynamoDB Streams API: shards by DescribeStream (paged by
 * {@code ExclusiveStartShardId}, each with its one parent, which the {@link ShardSupervisor} reads to its end
 * first), iterators by GetShardIterator ({@code TRIM_HORIZON}, {@code LATEST}, {@code AT_SEQUENCE_NUMBER},
 * {@code AFTER_SEQUENCE_NUMBER}: DynamoDB Streams has no {@code AT_TIMESTAMP}), changes by GetRecords (at most 1000).
 */
public final class DynamoDbStreamReader implements StreamReader {

    /** GetRecords' limit on a table's stream. */
    static final int MAX_RECORDS_PER_READ = 1000;

    private final DynamoDbStreamsClient streams;

    public DynamoDbStreamReader(DynamoDbStreamsClient streams) {
        this.streams = streams;
    }

    @Override
    public List<ShardInfo> listShards(String streamArn) {
        List<ShardInfo> shards = new ArrayList<>();
        String lastEvaluated = null;
        do {
            DescribeStreamRequest.Builder request = DescribeStreamRequest.builder().streamArn(streamArn);
            if (lastEvaluated != null) {
                request.exclusiveStartShardId(lastEvaluated);
            }
            DescribeStreamResponse response = call(() -> streams.describeStream(request.build()));
            for (Shard shard : response.streamDescription().shards()) {
                String ending = shard.sequenceNumberRange() == null
                        ? null : shard.sequenceNumberRange().endingSequenceNumber();
                shards.add(new ShardInfo(shard.shardId(), shard.parentShardId(), null, ending));
            }
            lastEvaluated = response.streamDescription().lastEvaluatedShardId();
        } while (lastEvaluated != null);
        return shards;
    }

    @Override
    public String iterator(String streamArn, String shardId, StartPosition position) {
        if (position.type() == StartPosition.Type.AT_TIMESTAMP) {
            throw new IllegalArgumentException("a table's stream has no AT_TIMESTAMP iterator");
        }
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                .streamArn(streamArn)
                .shardId(shardId)
                .shardIteratorType(ShardIteratorType.fromValue(position.type().name()));
        if (position.sequenceNumber() != null) {
            request.sequenceNumber(position.sequenceNumber());
        }
        return call(() -> streams.getShardIterator(request.build())).shardIterator();
    }

    /**
     * DynamoDB Streams says nothing like MillisBehindLatest: a read that filled its limit counts as behind, one
     * that did not as caught up.
     */
    @Override
    public ReadResult read(String streamArn, String iterator, int limit) {
        int asked = Math.min(limit, MAX_RECORDS_PER_READ);
        GetRecordsRequest request = GetRecordsRequest.builder().shardIterator(iterator).limit(asked).build();
        GetRecordsResponse response = call(() -> streams.getRecords(request));
        List<dev.sensorpipeline.local.runner.stream.StreamRecord> records = new ArrayList<>(response.records().size());
        for (Record record : response.records()) {
            records.add(dev.sensorpipeline.local.runner.stream.StreamRecord.of(change(record)));
        }
        return new ReadResult(records, response.nextShardIterator(), records.size() >= asked ? 1 : 0);
    }

    /** The change as the stream describes it, its attributes as DynamoDB JSON. */
    static DynamodbChange change(Record record) {
        StreamRecord dynamodb = record.dynamodb();
        Instant created = dynamodb.approximateCreationDateTime() == null
                ? Instant.now() : dynamodb.approximateCreationDateTime();
        return new DynamodbChange(record.eventID(), record.eventNameAsString(), created,
                AttributeValueJson.write(dynamodb.keys()),
                dynamodb.hasNewImage() ? AttributeValueJson.write(dynamodb.newImage()) : null,
                dynamodb.hasOldImage() ? AttributeValueJson.write(dynamodb.oldImage()) : null,
                dynamodb.sequenceNumber(), dynamodb.sizeBytes() == null ? 0 : dynamodb.sizeBytes(),
                dynamodb.streamViewTypeAsString());
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (LimitExceededException e) {
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
