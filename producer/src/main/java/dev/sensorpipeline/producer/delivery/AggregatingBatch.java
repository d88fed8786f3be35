package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one call, fresh readings packed into KPL aggregated records, one open record per shard: a reading
 * joins the open record of the shard its partition key hashes to, and a record full to the size limit is closed and
 * a new one opened. So each sensor's readings go to the shard they would go to one by one, in order.
 *
 * <p>An aggregated record is put under its first reading's partition key and, as explicit hash key, that key's hash,
 * so Kinesis routes it to that reading's shard; every user record in it carries the same explicit hash key, so a KCL
 * consumer, which drops aggregates whose user records hash outside the shard it reads, keeps all of them even when
 * the shard map went stale in a reshard. A record left with a single reading is sent as that plain reading, as the
 * KPL does.
 *
 * <p>Mutable while it is filled, one batch per call; not thread-safe.
 */
final class AggregatingBatch implements Batch {

    private final BatchLimits limits;
    private final int maxRecordBytes;
    private final ShardMap shards;
    private final List<Attempt> resent = new ArrayList<>();
    private final List<Packed> packed = new ArrayList<>();
    private final Map<String, Packed> openByShard = new HashMap<>();
    private long bytes;
    private List<Attempt> sealed;

    /** @param maxRecordBytes the largest aggregated record, data and partition key, as Kinesis counts it */
    AggregatingBatch(BatchLimits limits, int maxRecordBytes, ShardMap shards) {
        this.limits = limits;
        this.maxRecordBytes = maxRecordBytes;
        this.shards = shards;
    }

    @Override
    public boolean tryAdd(Attempt attempt) {
        checkOpen();
        int size = attempt.entry().size();
        if (size() >= limits.maxRecords() || bytes + size > limits.maxBytes()) {
            return false;
        }
        resent.add(attempt);
        bytes += size;
        return true;
    }

    @Override
    public boolean tryAddReading(PutEntry reading) {
        checkOpen();
        BigInteger hashKey = ShardMap.hashKeyOf(reading.partitionKey());
        String shardId = shards.shardFor(hashKey).shardId();
        Packed open = openByShard.get(shardId);
        if (open != null) {
            int grown = open.sizeWith(reading);
            if (grown <= maxRecordBytes) {
                if (bytes - open.size + grown > limits.maxBytes()) {
                    return false;
                }
                bytes += grown - open.size;
                open.add(reading, grown);
                return true;
            }
            openByShard.remove(shardId);
        }
        if (size() >= limits.maxRecords() || bytes + reading.size() > limits.maxBytes()) {
            return false;
        }
        Packed fresh = new Packed(reading, hashKey.toString());
        packed.add(fresh);
        openByShard.put(shardId, fresh);
        bytes += fresh.size;
        return true;
    }

    /** Full when no record can be opened and none is open to take more. */
    @Override
    public boolean isFull() {
        return size() >= limits.maxRecords() && openByShard.isEmpty();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public int size() {
        return resent.size() + packed.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public List<Attempt> attempts() {
        if (sealed == null) {
            List<Attempt> all = new ArrayList<>(resent);
            for (Packed record : packed) {
                all.add(Attempt.first(record.toEntry()));
            }
            sealed = Collections.unmodifiableList(all);
        }
        return sealed;
    }

    private void checkOpen() {
        if (sealed != null) {
            throw new IllegalStateException("the batch was sealed by attempts(); start a new one");
        }
    }

    /** The readings packed for one record so far. */
    private static final class Packed {

        private final PutEntry first;
        private final String explicitHashKey;
        private final int partitionKeyBytes;
        private final KplAggregateBuilder builder = new KplAggregateBuilder();
        private int count;
        /** Data and partition key, as Kinesis counts them: the plain reading's while it is alone. */
        private int size;

        Packed(PutEntry first, String explicitHashKey) {
            this.first = first;
            this.explicitHashKey = explicitHashKey;
            partitionKeyBytes = PutEntry.utf8Length(first.partitionKey());
            builder.add(first.partitionKey(), explicitHashKey, first.data());
            count = 1;
            size = first.size();
        }

        int sizeWith(PutEntry reading) {
            return builder.sizeWith(reading.partitionKey(), explicitHashKey, reading.data()) + partitionKeyBytes;
        }

        void add(PutEntry reading, int newSize) {
            builder.add(reading.partitionKey(), explicitHashKey, reading.data());
            count++;
            size = newSize;
        }

        PutEntry toEntry() {
            if (count == 1) {
                return first;
            }
            return new PutEntry(first.position(), first.reading(), first.partitionKey(), builder.build(),
                    explicitHashKey, count);
        }
    }
}
