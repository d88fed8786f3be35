package dev.sensorpipeline.testkit;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** What a stream holds, read back for a test: every record of every shard, from the start. */
public final class StreamContents {

    /** One record and the shard that holds it. */
    public record ShardRecord(Shard shard, Record record) {
    }

    private StreamContents() {
    }

    /** Every record of every shard, each shard's in its sequence order, shard after shard. */
    public static List<ShardRecord> readAll(KinesisClient client, String stream) {
        List<ShardRecord> records = new ArrayList<>();
        for (Shard shard : client.listShards(r -> r.streamName(stream)).shards()) {
            String iterator = client.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = client.getRecords(r -> r.shardIterator(current).limit(10_000));
                page.records().forEach(record -> records.add(new ShardRecord(shard, record)));
                // An open shard always hands out a next iterator; it is read to the end once a page comes back empty.
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }
}
