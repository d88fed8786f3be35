package dev.sensorpipeline.local.replay;

import dev.sensorpipeline.local.runner.stream.ReadResult;
import dev.sensorpipeline.local.runner.stream.StartPosition;
import dev.sensorpipeline.local.runner.stream.StreamReadException;
import dev.sensorpipeline.local.runner.stream.StreamReader;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;

/**
 * Reads a batch back from its shard, by the sequence range its metadata-only document gives: from
 * {@code AT_SEQUENCE_NUMBER} the start, following {@code NextShardIterator} through empty pages (a shard may answer
 * several before the next records), until a record past the end, the shard's end, or its tip.
 */
public final class StreamRange {

    /** GetRecords' own maximum. */
    private static final int PAGE = 10_000;

    private final StreamReader reader;

    public StreamRange(StreamReader reader) {
        this.reader = reader;
    }

    /** The records from {@code start} to {@code end}, both included, that the shard still holds. */
    public List<StreamRecord> read(String streamArn, String shardId, BigInteger start, BigInteger end) {
        List<StreamRecord> records = new ArrayList<>();
        try {
            String iterator = iterator(streamArn, shardId, start);
            while (iterator != null) {
                ReadResult page;
                try {
                    page = reader.read(streamArn, iterator, PAGE);
                } catch (StreamReadException e) {
                    if (e.kind() != StreamReadException.Kind.ITERATOR_EXPIRED) {
                        throw e;
                    }
                    // Older than five minutes: on from the record after the last one read.
                    iterator = reader.iterator(streamArn, shardId, new StartPosition(
                            StartPosition.Type.AFTER_SEQUENCE_NUMBER, lastOrBefore(records, start), null));
                    continue;
                }
                for (StreamRecord record : page.records()) {
                    // As numbers: moto's sequence numbers are 1, 2, ... 10, and "10" sorts before "9" as text.
                    BigInteger sequence = record.sequence();
                    if (sequence.compareTo(end) > 0) {
                        return records;
                    }
                    if (sequence.compareTo(start) >= 0) {
                        records.add(record);
                    }
                }
                if (page.records().isEmpty() && page.millisBehindLatest() == 0) {
                    return records;
                }
                iterator = page.nextIterator();
            }
            return records;
        } catch (StreamReadException e) {
            if (e.kind() == StreamReadException.Kind.NOT_FOUND) {
                return records;
            }
            throw new StoreUnavailableException("cannot read " + shardId + " of " + streamArn + ": "
                    + e.getMessage(), e);
        }
    }

    private static String lastOrBefore(List<StreamRecord> records, BigInteger start) {
        return records.isEmpty() ? start.subtract(BigInteger.ONE).toString()
                : records.get(records.size() - 1).sequenceNumber();
    }

    /**
     * At the start; from the trim horizon when Kinesis refuses the start as no longer in the stream (the records
     * before the first one read are then named as gone).
     */
    private String iterator(String streamArn, String shardId, BigInteger start) {
        try {
            return reader.iterator(streamArn, shardId,
                    new StartPosition(StartPosition.Type.AT_SEQUENCE_NUMBER, start.toString(), null));
        } catch (InvalidArgumentException trimmed) {
            return reader.iterator(streamArn, shardId, StartPosition.trimHorizon());
        }
    }
}
