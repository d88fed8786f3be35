package dev.sensorpipeline.local.runner.stream;

import java.util.List;

/** The reads an event source mapping makes on a stream: ListShards, GetShardIterator, GetRecords. */
public interface StreamReader {

    List<ShardInfo> listShards(String streamArn);

    String iterator(String streamArn, String shardId, StartPosition position);

    /** At most {@code limit} records from {@code iterator}; throws {@link StreamReadException} when it cannot. */
    ReadResult read(String streamArn, String iterator, int limit);
}
