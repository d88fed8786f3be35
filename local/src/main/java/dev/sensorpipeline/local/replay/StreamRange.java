package dev.sensorpipeline.local.replay;

import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads a batch back from its shard, by the sequence range its metadata-only document gives: from
 * {@code AT_SEQUENCE_NUMBER} the start, following {@code NextShardIterator} through empty pages (a shard may answer
 * several before the next records), until a record past the end, the shard's end, or its tip.
 */
public final class StreamRange {

    /** GetRecords' own maximum. */
    private static final int PAGE = 10_000;

    private final KinesisClient kinesis;

    public StreamRange(KinesisClient kinesis) {
        this.kinesis = kinesis;
    }

    /** The records from {@code start} to {@code end}, both included, that the shard still holds. */
    public List<StreamRecord> read(String streamArn, String shardId, BigInteger start, BigInteger end) {
        List<StreamRecord> records = new ArrayList<>();
        String iterator;
        try {
            iterator = iterator(streamArn, shardId, start);
        } catch (ResourceNotFoundException gone) {
            return records;
        }
        try {
            while (iterator != null) {
                GetRecordsResponse page = kinesis.getRecords(GetRecordsRequest.builder().shardIterator(iterator)
                        .limit(PAGE).build());
                for (Record record : page.records()) {
                    // As numbers: moto's sequence numbers are 1, 2, ... 10, and "10" sorts before "9" as text.
                    BigInteger sequence = new BigInteger(record.sequenceNumber());
                    if (sequence.compareTo(end) > 0) {
                        return records;
                    }
                    if (sequence.compareTo(start) >= 0) {
                        records.add(new StreamRecord(record.sequenceNumber(), record.partitionKey(),
                                record.data().asByteArray(), record.approximateArrivalTimestamp()));
                    }
                }
                boolean atTip = page.millisBehindLatest() != null && page.millisBehindLatest() == 0;
                if (page.records().isEmpty() && atTip) {
                    return records;
                }
                iterator = page.nextShardIterator();
            }
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot read " + shardId + " of " + streamArn + ": "
                    + e.getMessage(), e);
        }
        return records;
    }

    /**
     * At the start; from the trim horizon when the stream no longer holds the start itself (the records before the
     * first one read are then named as gone).
     */
    private String iterator(String streamArn, String shardId, BigInteger start) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamARN(streamArn)
                .shardId(shardId);
        try {
            return kinesis.getShardIterator(request.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                    .startingSequenceNumber(start.toString()).build()).shardIterator();
        } catch (InvalidArgumentException trimmed) {
            return kinesis.getShardIterator(request.shardIteratorType(ShardIteratorType.TRIM_HORIZON)
                    .startingSequenceNumber(null).build()).shardIterator();
        } catch (ResourceNotFoundException gone) {
            throw gone;
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot read " + shardId + " of " + streamArn + ": "
                    + e.getMessage(), e);
        }
    }
}
