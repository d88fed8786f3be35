package dev.sensorpipeline.producer;

import java.math.BigInteger;
import java.util.List;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Reads records as a KCL 3 consumer does: {@link AggregatorUtil} deaggregates them, keeping only user records whose
 * hash key lies in the range of the shard being read, and passes plain records through.
 */
final class KclReader {

    /** Every hash key: a file of records, or a stream of one shard. */
    static final BigInteger FIRST_HASH_KEY = BigInteger.ZERO;
    static final BigInteger LAST_HASH_KEY = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private KclReader() {
    }

    static List<KinesisClientRecord> deaggregate(List<KinesisClientRecord> records, BigInteger startingHashKey,
                                                 BigInteger endingHashKey) {
        return new AggregatorUtil().deaggregate(records, startingHashKey, endingHashKey);
    }
}
