package dev.sensorpipeline.producer.delivery;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a run packs readings into KPL aggregated records: up to a size, one open record per shard of the stream's
 * shard map (see {@link AggregatingBatch}).
 *
 * <p>The map is the stream's open shards when the run started. When Kinesis puts a record on another shard than the
 * map says, the stream has been resharded: the map is fetched again before the next call, so that from then on a
 * sensor's readings go to its new shard. Until then nothing is lost, since every user record carries the hash key
 * its record was routed by.
 *
 * <p>Used by one run, from its thread.
 */
public final class Aggregation {

    private final int maxRecordBytes;
    private final Supplier<ShardMap> refresh;
    private ShardMap shards;
    private boolean stale;
    private int refreshes;

    /**
     * @param maxRecordBytes the largest aggregated record, data and partition key, as Kinesis counts them
     * @param shards         the stream's open shards now
     * @param refresh        fetches them again, after a reshard; may throw, and the old map is kept
     */
    public Aggregation(int maxRecordBytes, ShardMap shards, Supplier<ShardMap> refresh) {
        if (maxRecordBytes < 1 || maxRecordBytes > BatchLimits.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("an aggregated record is 1 to " + BatchLimits.MAX_RECORD_BYTES
                    + " bytes, not " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.shards = Objects.requireNonNull(shards, "shards");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    /** Packing for a file of one shard's records, such as a Lambda event: every reading may share a record. */
    public static Aggregation oneShard(int maxRecordBytes, String shardId) {
        ShardMap single = ShardMap.single(shardId);
        return new Aggregation(maxRecordBytes, single, () -> single);
    }

    /** A batch for the next call, packing by the shard map, fetched again first if a reshard was seen. */
    Batch newBatch(BatchLimits limits) {
        if (stale) {
            stale = false;
            try {
                shards = refresh.get();
                refreshes++;
            } catch (RuntimeException e) {
                // Keep the old map: records still arrive whole; the next misplaced record tries again.
            }
        }
        return new AggregatingBatch(limits, maxRecordBytes, shards);
    }

    /** Kinesis put {@code entry} on {@code shardId}: if the map says otherwise, the stream has been resharded. */
    void accepted(PutEntry entry, String shardId) {
        BigInteger hashKey = entry.explicitHashKey() != null
                ? new BigInteger(entry.explicitHashKey())
                : ShardMap.hashKeyOf(entry.partitionKey());
        if (!shards.shardFor(hashKey).shardId().equals(shardId)) {
            stale = true;
        }
    }

    /** How often the shard map was fetched again. */
    public int refreshes() {
        return refreshes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }
}
