package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMapTest {

    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(127);

    private final ShardMap twoShards = new ShardMap(List.of(
            new ShardMap.Shard("shardId-000000000001", HALF),
            new ShardMap.Shard("shardId-000000000000", BigInteger.ZERO)));

    @Test
    void hashKeyOf_isTheMd5OfTheKeyAsAnUnsigned128BitNumber() {
        // python3 -c "import hashlib; print(int(hashlib.md5(b'sensor-1').hexdigest(), 16))"
        assertThat(ShardMap.hashKeyOf("sensor-1")).isEqualTo(new BigInteger("313621148937180024981089005635817150934"));
    }

    @Test
    void shardFor_givesTheShardWhoseRangeHoldsTheKey_atItsEdges() {
        assertThat(twoShards.shardFor(BigInteger.ZERO).shardId()).isEqualTo("shardId-000000000000");
        assertThat(twoShards.shardFor(HALF.subtract(BigInteger.ONE)).shardId()).isEqualTo("shardId-000000000000");
        assertThat(twoShards.shardFor(HALF).shardId()).isEqualTo("shardId-000000000001");
        assertThat(twoShards.shardFor(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)).shardId())
                .isEqualTo("shardId-000000000001");
    }

    @Test
    void shardFor_routesPartitionKeysAsKinesisDoes() {
        // sensor-1 hashes above half of the range, sensor-2 below
        assertThat(twoShards.shardFor(ShardMap.hashKeyOf("sensor-1")).shardId()).isEqualTo("shardId-000000000001");
        assertThat(twoShards.shardFor(ShardMap.hashKeyOf("sensor-2")).shardId()).isEqualTo("shardId-000000000000");
    }

    @Test
    void single_takesEveryHashKey() {
        ShardMap single = ShardMap.single("shardId-000000000000");
        assertThat(single.shardFor(ShardMap.hashKeyOf("sensor-1")).shardId()).isEqualTo("shardId-000000000000");
        assertThat(single.shardFor(BigInteger.ZERO).shardId()).isEqualTo("shardId-000000000000");
    }
}
