package dev.sensorpipeline.producer.delivery;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which open shard of a stream takes which hash keys, as Kinesis routes records: a record's hash key is its explicit
 * hash key if it has one, else the MD5 of its partition key read as an unsigned 128-bit number, and the shard whose
 * hash key range holds it takes it. The open shards of a stream cover the whole range, 0 to 2^128 - 1, between them.
 *
 * <p>Immutable.
 */
public final class ShardMap {

    /**
     * One open shard.
     *
     * @param shardId         such as {@code shardId-000000000001}
     * @param startingHashKey the lowest hash key it takes; it takes every key up to the next shard's start
     */
    public record Shard(String shardId, BigInteger startingHashKey) {

        public Shard {
            Objects.requireNonNull(shardId, "shardId");
            Objects.requireNonNull(startingHashKey, "startingHashKey");
        }
    }

    private final List<Shard> shards;

    /** @param openShards the stream's open shards, in any order; at least one */
    public ShardMap(List<Shard> openShards) {
        if (openShards.isEmpty()) {
            throw new IllegalArgumentException("a stream has at least one open shard");
        }
        List<Shard> sorted = new ArrayList<>(openShards);
        sorted.sort(Comparator.comparing(Shard::startingHashKey));
        shards = List.copyOf(sorted);
    }

    /** One shard taking every hash key: what a file of records from one shard, such as a Lambda event, stands for. */
    public static ShardMap single(String shardId) {
        return new ShardMap(List.of(new Shard(shardId, BigInteger.ZERO)));
    }

    /** The MD5 of the partition key's UTF-8 bytes as an unsigned 128-bit number, as Kinesis hashes it. */
    public static BigInteger hashKeyOf(String partitionKey) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5")
                    .digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** The shard taking {@code hashKey}: the one with the greatest starting hash key not above it. */
    public Shard shardFor(BigInteger hashKey) {
        int low = 0;
        int high = shards.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (shards.get(middle).startingHashKey().compareTo(hashKey) <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return shards.get(low);
    }

    /** The open shards, by starting hash key. */
    public List<Shard> shards() {
        return shards;
    }
}
