package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.cli.AwsConfigurationException;
import dev.sensorpipeline.producer.delivery.ShardMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The stream's open shards and their hash key ranges, from ListShards (which needs {@code kinesis:ListShards}): what
 * aggregation packs readings by. A shard is open until a reshard closes it, which gives it an ending sequence
 * number; the open shards cover every hash key between them.
 */
public final class OpenShards {

    private OpenShards() {
    }

    /**
     * The map of the stream's open shards.
     *
     * @throws AwsConfigurationException when the stream cannot be listed, naming why
     */
    public static ShardMap list(KinesisClient client, StreamTarget target) {
        List<ShardMap.Shard> open = new ArrayList<>();
        try {
            ListShardsResponse page = client.listShards(r -> r.streamName(target.streamName()));
            while (true) {
                for (Shard shard : page.shards()) {
                    if (shard.sequenceNumberRange() == null
                            || shard.sequenceNumberRange().endingSequenceNumber() == null) {
                        open.add(new ShardMap.Shard(shard.shardId(),
                                new BigInteger(shard.hashKeyRange().startingHashKey())));
                    }
                }
                String next = page.nextToken();
                if (next == null) {
                    break;
                }
                page = client.listShards(r -> r.nextToken(next));
            }
        } catch (SdkException e) {
            throw new AwsConfigurationException("cannot list the shards of stream '" + target.streamName() + "' "
                    + target.where() + ", which --aggregate packs readings by (kinesis:ListShards): "
                    + SdkFailures.classify(e, target).getMessage(), e);
        }
        if (open.isEmpty()) {
            throw new AwsConfigurationException("stream '" + target.streamName() + "' " + target.where()
                    + " has no open shard");
        }
        return new ShardMap(open);
    }
}
