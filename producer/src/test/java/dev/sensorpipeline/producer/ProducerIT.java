package dev.sensorpipeline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.LocalStreams.Stored;
import dev.sensorpipeline.producer.delivery.StopSignal;
import dev.sensorpipeline.testkit.FaultInjectingProxy;
import dev.sensorpipeline.testkit.FaultPlan;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The command in-process against a real moto_server on loopback, with its client injected. */
class ProducerIT {

    private static final String[] FLEET = {"--count", "5000", "--sensors", "13", "--seed", "7",
        "--start-time", "1764374400", "--rate", "0"};

    private static final URI ENDPOINT = LocalStreams.endpoint();
    private static final KinesisClient READER = LocalStreams.reader();

    private final CallCounter counter = new CallCounter();

    /** The readings the fleet takes, from a dry run. */
    private static List<SensorReading> dryRunOfTheFleet() {
        return ProducerCommandTest.decode(
                CommandRunner.run(CommandRunner.offline(), ProducerCommandTest.dryRun(FLEET)).out());
    }

    /** What a clean run said, and what the stream holds after it. */
    private record Sent(String err, List<Stored> stored) {
    }

    /** Runs the producer to the stream, expects a clean run, and reads back what the stream holds. */
    private Sent sendCleanly(String stream, String... args) {
        CommandRunner.Result result = send(counter, new StopSignal(), stream, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new Sent(result.err(), LocalStreams.readAll(READER, stream));
    }

    @Test
    void putsExactlyTheDryRunsReadings_eachUnderItsSensorsKey_overBothShards_inAtMost12Calls() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "exact");
        List<SensorReading> dryRun = dryRunOfTheFleet();

        // when
        List<Stored> stored = sendCleanly(stream, FLEET).stored();

        // then
        assertThat(stored).extracting(Stored::reading).containsExactlyInAnyOrderElementsOf(dryRun);
        assertThat(stored).allSatisfy(record -> assertThat(record.partitionKey())
                .isEqualTo(record.reading().sensorId()));
        assertThat(stored).extracting(Stored::shardId).containsOnly("shardId-000000000000", "shardId-000000000001");
        assertThat(counter.requests("PutRecords")).isBetween(10, 12);
    }

    @Test
    void keepsEverySensorOnOneShard_inTheOrderItsReadingsWereTaken() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "order");
        List<SensorReading> dryRun = dryRunOfTheFleet();

        // when
        List<Stored> stored = sendCleanly(stream, FLEET).stored();

        // then
        Map<String, Set<String>> shardsBySensor = stored.stream().collect(Collectors.groupingBy(
                record -> record.reading().sensorId(), Collectors.mapping(Stored::shardId, Collectors.toSet())));
        assertThat(shardsBySensor).hasSize(13).allSatisfy((sensor, shards) -> assertThat(shards).hasSize(1));
        assertThat(bySensor(stored.stream().map(Stored::reading).toList())).isEqualTo(bySensor(dryRun));
    }

    @Test
    void deliversEveryReadingExactlyOnce_whenAFifthOfTheEntriesAreRefused() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "refused");
        List<SensorReading> dryRun = dryRunOfTheFleet();
        FaultPlan plan = FaultPlan.builder().seed(3).refusePutRecordsEntries(0.2).build();

        // when
        CommandRunner.Result result;
        long refused;
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(ENDPOINT, plan)) {
            result = CommandRunner.run(CommandRunner.dependencies(TestConnector.to(proxy.endpoint(), counter),
                    new StopSignal()), with(FLEET, "--stream", stream, "--region", "us-east-1"));
            refused = proxy.stats().kinesis("PutRecords").entriesRefused();
        }

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(refused).isGreaterThan(800);
        assertThat(result.err()).contains("delivered 5000 readings", refused + " entries retried");
        List<Stored> stored = LocalStreams.readAll(READER, stream);
        assertThat(stored).extracting(Stored::reading).containsExactlyInAnyOrderElementsOf(dryRun);
    }

    @Test
    void aMissingStream_endsWithExitCode3_andAMessageNamingIt() {
        // when
        CommandRunner.Result result = send(counter, new StopSignal(), "no-such-stream", FLEET);

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("stream 'no-such-stream' not found in us-east-1")
                .doesNotContain("Exception:", "\tat ");
        assertThat(counter.requests("PutRecords")).isZero();
    }

    @Test
    void aStopRequest_endsTheRunAfterTheCallInFlight_reportingExactlyWhatTheStreamHolds() {
        // given: Ctrl-C arrives while the third call is on the wire
        String stream = LocalStreams.create(ENDPOINT, "stop");
        StopSignal stop = new StopSignal();
        counter.onRequest("PutRecords", () -> {
            if (counter.requests("PutRecords") == 3) {
                stop.requestStop();
            }
        });

        // when
        CommandRunner.Result result = send(counter, stop, stream, FLEET);

        // then
        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(result.err()).startsWith("interrupted: Kinesis accepted 1500 readings")
                .contains("every reading taken was delivered");
        assertThat(LocalStreams.readAll(READER, stream)).hasSize(1500);
    }

    @Test
    void theConstantPartitionKey_putsEveryReadingOnOneShard_asTheBookDid() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "constant");

        // when
        Sent sent = sendCleanly(stream, "--count", "600", "--sensors", "13", "--seed", "7", "--rate", "0",
                "--partition-key", "constant");

        // then
        assertThat(sent.stored()).hasSize(600).extracting(Stored::partitionKey).containsOnly("sensor-data");
        assertThat(sent.stored()).extracting(Stored::shardId).containsOnly(sent.stored().get(0).shardId());
        assertThat(sent.err()).contains("over 1 of 2 shards");
    }

    @Test
    void theRandomPartitionKey_spreadsReadingsOverBothShards() {
        // given
        String stream = LocalStreams.create(ENDPOINT, "random");

        // when
        Sent sent = sendCleanly(stream, "--count", "400", "--sensors", "1", "--seed", "7", "--rate", "0",
                "--partition-key", "random");

        // then
        assertThat(sent.stored()).hasSize(400).extracting(Stored::shardId)
                .contains("shardId-000000000000", "shardId-000000000001");
    }

    private static CommandRunner.Result send(CallCounter counter, StopSignal stop, String stream, String... args) {
        return CommandRunner.run(CommandRunner.dependencies(TestConnector.to(ENDPOINT, counter), stop),
                with(args, "--stream", stream, "--region", "us-east-1", "--endpoint-url", ENDPOINT.toString()));
    }

    private static Map<String, List<SensorReading>> bySensor(List<SensorReading> readings) {
        return readings.stream().collect(Collectors.groupingBy(SensorReading::sensorId));
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
