package dev.sensorpipeline.producer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.UserRecord;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivery of aggregated records: what is counted, what is sent again, and how a reshard is noticed. */
class AggregatedDeliveryTest {

    private static final int MIB = 1024 * 1024;
    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(127);
    private static final ShardMap TWO_SHARDS = new ShardMap(List.of(
            new ShardMap.Shard("shardId-000000000000", BigInteger.ZERO),
            new ShardMap.Shard("shardId-000000000001", HALF)));

    private final FakeTime time = new FakeTime();
    private final StopSignal stop = new StopSignal();
    private final LiveCounts counts = new LiveCounts();

    private Delivery delivery(RecordSink sink, int maxRetries, Aggregation aggregation) {
        return Delivery.to(sink, new DeliveryPolicy(maxRetries, DeliveryPolicy.DEFAULT_BACKOFF, 0)).sleeper(time)
                .nanoTime(time).jitter(() -> 0.5).stopRequested(stop::isStopRequested).counts(counts)
                .aggregation(aggregation).build();
    }

    private static Aggregation aggregation(int maxRecordBytes) {
        return new Aggregation(maxRecordBytes, TWO_SHARDS, () -> TWO_SHARDS);
    }

    private static List<UserRecord> userRecords(PutEntry record) {
        if (!record.isAggregate()) {
            return List.of(new UserRecord(record.partitionKey(), null, java.nio.ByteBuffer.wrap(record.data())));
        }
        return ((Deaggregation.Deaggregated) KplAggregate.deaggregate(record.data())).userRecords();
    }

    @Test
    void deliver_countsReadings_andTheRecordsApart() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS, TWO_SHARDS);

        // when
        DeliveryReport report = delivery(sink, 10, aggregation(25 * 1024)).deliver(Entries.of(5000, 13).iterator());

        // then
        assertThat(report.taken()).isEqualTo(5000);
        assertThat(report.accepted()).isEqualTo(5000);
        assertThat(report.records().count()).isEqualTo(sink.acceptedEntries().size()).isLessThan(5000 / 50);
        assertThat(report.records().payloadUnits()).isEqualTo(report.records().count());
        assertThat(report.records().bytes()).isEqualTo(sink.acceptedEntries().stream().mapToLong(PutEntry::size).sum());
        assertThat(counts.snapshot()).isEqualTo(new LiveCounts.Snapshot(5000, 5000, 0, 0, report.calls()));
    }

    @Test
    void deliver_sendsARefusedAggregateAgainAsItIs_andCountsItsReadingsOnce() {
        // given the first record refused once
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS, TWO_SHARDS).refuse(0, 1);

        // when
        DeliveryReport report = delivery(sink, 10, aggregation(4096)).deliver(Entries.of(3000, 13).iterator());

        // then
        PutEntry first = sink.entryCalls().get(0).get(0);
        assertThat(sink.entryCalls().get(1).get(0)).isSameAs(first);
        assertThat(first.isAggregate()).isTrue();
        assertThat(report.accepted()).isEqualTo(3000);
        assertThat(report.retried()).isEqualTo(1);
    }

    @Test
    void deliver_countsEveryReadingOfAnAggregateGivenUp() {
        // given the first record refused for good
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS, TWO_SHARDS).refuse(0, Integer.MAX_VALUE);

        // when
        DeliveryReport report = delivery(sink, 2, aggregation(4096)).deliver(Entries.of(3000, 13).iterator());

        // then
        int readings = sink.entryCalls().get(0).get(0).readings();
        assertThat(readings).isGreaterThan(1);
        assertThat(report.gaveUp()).isEqualTo(readings);
        assertThat(report.accepted()).isEqualTo(3000 - readings);
        assertThat(report.firstNotDelivered()).isEqualTo(Entries.of(1, 1).get(0).reading());
    }

    @Test
    void deliver_fetchesTheShardMapAgain_whenARecordLandsOnAnotherShard_andPacksByTheNewMapFromThen() {
        // given a producer that knows one shard, a stream split into two, calls of two records
        ShardMap stale = ShardMap.single("shardId-000000000000");
        int[] fetched = {0};
        Aggregation aggregation = new Aggregation(2048, stale, () -> {
            fetched[0]++;
            return TWO_SHARDS;
        });
        ScriptedSink sink = new ScriptedSink(new BatchLimits(2, MIB), TWO_SHARDS);

        // when
        delivery(sink, 10, aggregation).deliver(Entries.of(2000, 13).iterator());

        // then: once fetched, every record holds readings of its own shard only
        assertThat(fetched[0]).isEqualTo(1);
        assertThat(aggregation.refreshes()).isEqualTo(1);
        for (List<PutEntry> call : sink.entryCalls().subList(1, sink.entryCalls().size())) {
            assertThat(call).allSatisfy(record -> assertThat(userRecords(record)).extracting(
                    user -> TWO_SHARDS.shardFor(ShardMap.hashKeyOf(user.partitionKey())).shardId())
                    .containsOnly(sink.shardOf(record)));
        }
    }

    @Test
    void deliver_keepsTheShardMap_whileEveryRecordLandsWhereItSays() {
        // given
        int[] fetched = {0};
        Aggregation aggregation = new Aggregation(2048, TWO_SHARDS, () -> {
            fetched[0]++;
            return TWO_SHARDS;
        });

        // when
        delivery(new ScriptedSink(new BatchLimits(2, MIB), TWO_SHARDS), 10, aggregation)
                .deliver(Entries.of(2000, 13).iterator());

        // then
        assertThat(fetched[0]).isZero();
    }

    @Test
    void deliver_waitsBeforeSendingARefusedAggregateAgain() {
        // given
        ScriptedSink sink = new ScriptedSink(BatchLimits.PUT_RECORDS, TWO_SHARDS).refuse(0, 1);

        // when
        delivery(sink, 10, aggregation(4096)).deliver(Entries.of(100, 13).iterator());

        // then: half of the first backoff's 50 ms, as the jitter draws 0.5
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(25));
    }
}
