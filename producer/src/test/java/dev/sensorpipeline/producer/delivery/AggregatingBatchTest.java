package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.UserRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatingBatchTest {

    private static final int MIB = 1024 * 1024;
    private static final ShardMap ONE_SHARD = ShardMap.single("shardId-000000000000");
    private static final ShardMap TWO_SHARDS = new ShardMap(List.of(
            new ShardMap.Shard("shardId-000000000000", BigInteger.ZERO),
            new ShardMap.Shard("shardId-000000000001", BigInteger.ONE.shiftLeft(127))));

    private static List<PutEntry> records(AggregatingBatch batch) {
        return batch.attempts().stream().map(Attempt::entry).toList();
    }

    private static List<UserRecord> userRecords(PutEntry record) {
        return ((Deaggregation.Deaggregated) KplAggregate.deaggregate(record.data())).userRecords();
    }

    private static String text(UserRecord record) {
        return StandardCharsets.UTF_8.decode(record.data().duplicate()).toString();
    }

    private static AggregatingBatch filled(int maxRecordBytes, ShardMap shards, List<PutEntry> readings) {
        AggregatingBatch batch = new AggregatingBatch(BatchLimits.PUT_RECORDS, maxRecordBytes, shards);
        readings.forEach(reading -> assertThat(batch.tryAddReading(reading)).isTrue());
        return batch;
    }

    @Test
    void packsTheReadingsOfAShard_inOrder_intoRecordsNoLargerThanTheLimit() {
        // given
        List<PutEntry> readings = Entries.of(2000, 13);

        // when
        List<PutEntry> records = records(filled(1024, ONE_SHARD, readings));

        // then
        assertThat(records).allSatisfy(record -> assertThat(record.size()).isLessThanOrEqualTo(1024));
        List<String> packed = new ArrayList<>();
        records.forEach(record -> userRecords(record).forEach(user -> packed.add(text(user))));
        assertThat(packed).containsExactlyElementsOf(
                readings.stream().map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList());
        assertThat(records.stream().mapToInt(PutEntry::readings).sum()).isEqualTo(2000);
    }

    @Test
    void closesARecord_onlyWhenTheNextReadingWouldTakeItPastTheLimit() {
        // given readings of 9 to 12 bytes under keys of 8
        List<PutEntry> readings = Entries.of(2000, 9);

        // when
        List<PutEntry> records = records(filled(1024, ONE_SHARD, readings));

        // then: every record but the last is within one reading's worth (under 40 bytes) of the limit
        assertThat(records.subList(0, records.size() - 1))
                .allSatisfy(record -> assertThat(record.size()).isBetween(1024 - 40, 1024));
    }

    @Test
    void keepsOneOpenRecordPerShard_andEachReadingOnTheShardItsKeyHashesTo() {
        // given
        List<PutEntry> readings = Entries.of(500, 13);

        // when
        List<PutEntry> records = records(filled(4096, TWO_SHARDS, readings));

        // then
        assertThat(records).allSatisfy(record -> {
            String shard = TWO_SHARDS.shardFor(new BigInteger(record.explicitHashKey())).shardId();
            assertThat(userRecords(record)).allSatisfy(user -> assertThat(
                    TWO_SHARDS.shardFor(ShardMap.hashKeyOf(user.partitionKey())).shardId()).isEqualTo(shard));
        });
        assertThat(records).extracting(r -> TWO_SHARDS.shardFor(new BigInteger(r.explicitHashKey())).shardId())
                .contains("shardId-000000000000", "shardId-000000000001");
    }

    @Test
    void putsARecordUnderItsFirstReadingsKeyAndHash_andGivesEveryUserRecordThatHash() {
        // given
        List<PutEntry> readings = Entries.of(100, 13);

        // when
        PutEntry record = records(filled(4096, ONE_SHARD, readings)).get(0);

        // then
        assertThat(record.partitionKey()).isEqualTo("sensor-1");
        assertThat(record.explicitHashKey()).isEqualTo(ShardMap.hashKeyOf("sensor-1").toString());
        assertThat(record.reading()).isEqualTo(readings.get(0).reading());
        assertThat(userRecords(record)).extracting(UserRecord::explicitHashKey)
                .containsOnly(record.explicitHashKey());
    }

    @Test
    void sendsALoneReadingAsItIs() {
        // given
        PutEntry reading = Entries.of(1, 1).get(0);

        // when
        List<PutEntry> records = records(filled(4096, ONE_SHARD, List.of(reading)));

        // then
        assertThat(records).containsExactly(reading);
        assertThat(KplAggregate.isAggregated(records.get(0).data())).isFalse();
    }

    @Test
    void takesAtMost500Records() {
        // given readings too large for two to share a record of 1 KiB
        AggregatingBatch batch = new AggregatingBatch(BatchLimits.PUT_RECORDS, 1024, ONE_SHARD);
        for (int i = 0; i < 500; i++) {
            assertThat(batch.tryAddReading(Entries.sized(i, "sensor-1", 600))).isTrue();
        }

        // when
        boolean added = batch.tryAddReading(Entries.sized(500, "sensor-1", 600));

        // then
        assertThat(added).isFalse();
        assertThat(batch.size()).isEqualTo(500);
        assertThat(batch.isFull()).isTrue();
    }

    @Test
    void takesAtMostFiveMebibytes() {
        // given records of up to 1 MiB, readings of 100 KiB
        AggregatingBatch batch = new AggregatingBatch(BatchLimits.PUT_RECORDS, MIB, ONE_SHARD);
        int added = 0;
        while (batch.tryAddReading(Entries.sized(added, "sensor-1", 100 * 1024))) {
            added++;
        }

        // then
        assertThat(batch.bytes()).isLessThanOrEqualTo(5L * MIB).isEqualTo(
                records(batch).stream().mapToLong(PutEntry::size).sum());
        assertThat(added).isGreaterThan(40);
    }

    @Test
    void sendsRefusedRecordsFirst_asTheyAre() {
        // given
        PutEntry refused = records(filled(4096, ONE_SHARD, Entries.of(20, 3))).get(0);
        AggregatingBatch batch = new AggregatingBatch(BatchLimits.PUT_RECORDS, 4096, ONE_SHARD);
        batch.tryAdd(new Attempt(refused, 1));

        // when
        Entries.of(20, 3).forEach(batch::tryAddReading);

        // then
        assertThat(batch.attempts().get(0)).isEqualTo(new Attempt(refused, 1));
        assertThat(batch.attempts()).hasSize(2);
    }

    @Test
    void packsTheSameReadings_intoTheSameBytes() {
        // when
        List<PutEntry> first = records(filled(2048, TWO_SHARDS, Entries.of(700, 13)));
        List<PutEntry> second = records(filled(2048, TWO_SHARDS, Entries.of(700, 13)));

        // then
        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).data()).isEqualTo(second.get(i).data());
        }
    }

    @Test
    void takesNothingMore_onceSealed() {
        // given
        AggregatingBatch batch = filled(4096, ONE_SHARD, Entries.of(3, 1));
        batch.attempts();

        // when / then
        assertThatThrownBy(() -> batch.tryAddReading(Entries.of(4, 1).get(3)))
                .isInstanceOf(IllegalStateException.class);
    }
}
