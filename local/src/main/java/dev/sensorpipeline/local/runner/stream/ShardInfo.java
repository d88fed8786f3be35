package dev.sensorpipeline.local.runner.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * A shard as ListShards describes it: its parents (after a reshard) and, once closed, its last sequence number.
 *
 * @param endingSequenceNumber null while the shard is open
 */
public record ShardInfo(String shardId, String parentShardId, String adjacentParentShardId,
                        String endingSequenceNumber) {

    public static ShardInfo open(String shardId) {
        return new ShardInfo(shardId, null, null, null);
    }

    public boolean closed() {
        return endingSequenceNumber != null;
    }

    /** The shards whose records come before this one's: a child is read only once they are done. */
    public List<String> parents() {
        List<String> parents = new ArrayList<>(2);
        if (parentShardId != null) {
            parents.add(parentShardId);
        }
        if (adjacentParentShardId != null) {
            parents.add(adjacentParentShardId);
        }
        return parents;
    }
}
