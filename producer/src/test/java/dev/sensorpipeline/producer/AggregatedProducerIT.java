package dev.sensorpipeline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.UserRecord;
import dev.sensorpipeline.producer.LocalStreams.Raw;
import dev.sensorpipeline.producer.delivery.ShardMap;
import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * {@code --aggregate} in-process against a real moto_server on loopback, each test on a fresh 2-shard stream: what
 * is read back is deaggregated by our decoder and by the KCL's, shard by shard with each shard's hash key range.
 */
class AggregatedProducerIT {

    private static final String[] FLEET = {"--count", "5000", "--sensors", "13", "--seed", "7",
        "--start-time", "1764374400", "--rate", "0", "--humidity"};
    private static final ReadingCodec CODEC = new ReadingCodec();

    private static final URI ENDPOINT = LocalStreams.endpoint();
    private static final KinesisClient READER = LocalStreams.reader();

    private final CallCounter counter = new CallCounter();

    /** A user record read back: the shard it was on, its partition key, its reading. */
    private record UserReading(String shardId, BigInteger startingHashKey, BigInteger endingHashKey,
                               String partitionKey, SensorReading reading) {
    }

    private static List<SensorReading> dryRun(String... fleet) {
        return ProducerCommandTest.decode(CommandRunner.run(CommandRunner.offline(),
                ProducerCommandTest.dryRun(fleet)).out());
    }

    private static SensorReading decode(ByteBuffer data) {
        return ((DecodeResult.Decoded) CODEC.decode(data)).reading();
    }

    /** Every reading of the stream, by our decoder: plain records as they are, aggregates opened. */
    private static List<UserReading> deaggregated(List<Raw> raws) {
        List<UserReading> readings = new ArrayList<>();
        for (Raw raw : raws) {
            ByteBuffer data = raw.record().data().asByteBuffer();
            if (!KplAggregate.isAggregated(data)) {
                readings.add(new UserReading(raw.shardId(), raw.startingHashKey(), raw.endingHashKey(),
                        raw.record().partitionKey(), decode(data)));
                continue;
            }
            for (UserRecord user : ((Deaggregation.Deaggregated) KplAggregate.deaggregate(data)).userRecords()) {
                readings.add(new UserReading(raw.shardId(), raw.startingHashKey(), raw.endingHashKey(),
                        user.partitionKey(), decode(user.data())));
            }
        }
        return readings;
    }

    @Test
    void putsExactlyTheDryRunsReadings_inFarFewerRecords() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "aggregate");

        // when
        CommandRunner.Result result = send(counter, stream, with(FLEET, "--aggregate"));

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Raw> raws = LocalStreams.readRaw(READER, stream);
        assertThat(deaggregated(raws)).extracting(UserReading::reading)
                .containsExactlyInAnyOrderElementsOf(dryRun(FLEET));
        assertThat(raws).hasSizeLessThan(5000 / 100);
        assertThat(result.err()).startsWith("delivered 5000 readings in " + raws.size() + " records (");
        assertThat(counter.requests("PutRecords")).isEqualTo(1);
    }

    @Test
    void putsRecordsTheKclReadsWhole_withinEachShardsHashKeyRange() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "kcl");
        send(counter, stream, with(FLEET, "--aggregate", "--aggregate-max-bytes", "2048"));

        // when: each shard's records as a KCL worker reading that shard deaggregates them
        List<SensorReading> read = new ArrayList<>();
        Map<String, List<Raw>> byShard = LocalStreams.readRaw(READER, stream).stream()
                .collect(Collectors.groupingBy(Raw::shardId));
        for (List<Raw> shard : byShard.values()) {
            List<KinesisClientRecord> records = shard.stream()
                    .map(raw -> KinesisClientRecord.fromRecord(raw.record())).toList();
            KclReader.deaggregate(records, shard.get(0).startingHashKey(), shard.get(0).endingHashKey())
                    .forEach(user -> read.add(decode(user.data())));
        }

        // then: none dropped for hashing outside its shard
        assertThat(byShard).hasSize(2);
        assertThat(read).containsExactlyInAnyOrderElementsOf(dryRun(FLEET));
    }

    @Test
    void keepsEachSensorOnTheShardItsIdHashesTo_inTheOrderItsReadingsWereTaken() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "aggregate-order");

        // when
        CommandRunner.Result result = send(counter, stream, with(FLEET, "--aggregate", "--aggregate-max-bytes",
                "2048"));

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<UserReading> readings = deaggregated(LocalStreams.readRaw(READER, stream));
        assertThat(readings).allSatisfy(user -> {
            BigInteger hashKey = ShardMap.hashKeyOf(user.partitionKey());
            assertThat(hashKey).isBetween(user.startingHashKey(), user.endingHashKey());
            assertThat(user.partitionKey()).isEqualTo(user.reading().sensorId());
        });
        assertThat(bySensor(readings.stream().map(UserReading::reading).toList())).isEqualTo(bySensor(dryRun(FLEET)));
    }

    @Test
    void deliversEveryReadingExactlyOnce_whenAFifthOfTheRecordsAreRefused() {
        // given records of 1 KiB, some 500 of them
        String stream = LocalStreams.create(ENDPOINT, "aggregate-refused");
        FaultPlan plan = FaultPlan.builder().seed(3).refusePutRecordsEntries(0.2).build();

        // when
        CommandRunner.Result result;
        long refused;
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(ENDPOINT, plan)) {
            result = CommandRunner.run(CommandRunner.dependencies(TestConnector.to(proxy.endpoint(), counter),
                    new StopSignal()), with(FLEET, "--aggregate", "--aggregate-max-bytes", "1024", "--stream", stream,
                    "--region", "us-east-1"));
            refused = proxy.stats().kinesis("PutRecords").entriesRefused();
        }

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(refused).isGreaterThan(50);
        assertThat(result.err()).contains("delivered 5000 readings in", refused + " records retried");
        assertThat(deaggregated(LocalStreams.readRaw(READER, stream))).extracting(UserReading::reading)
                .containsExactlyInAnyOrderElementsOf(dryRun(FLEET));
    }

    private static CommandRunner.Result send(CallCounter counter, String stream, String... args) {
        return CommandRunner.run(CommandRunner.dependencies(TestConnector.to(ENDPOINT, counter), new StopSignal()),
                with(args, "--stream", stream, "--region", "us-east-1", "--endpoint-url", ENDPOINT.toString()));
    }

    private static Map<String, List<SensorReading>> bySensor(List<SensorReading> readings) {
        return readings.stream().collect(Collectors.groupingBy(SensorReading::sensorId));
    }

    private static String[] with(String[] args, String... more) {
        return ProducerCommandTest.with(args, more);
    }
}
