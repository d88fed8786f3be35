package dev.sensorpipeline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.UserRecord;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

class EventsOutTest {

    private static final String[] FLEET = {"--sensors", "5", "--count", "40", "--seed", "3",
        "--start-time", "1764374400", "--humidity"};

    private static final String[] BIG_FLEET = {"--sensors", "13", "--count", "5000", "--seed", "7",
        "--start-time", "1764374400", "--humidity"};

    @TempDir
    Path folder;

    @Test
    void eventsOut_writesAnEventTheLambdaRuntimeLoads_withTheDryRunsReadings() {
        // given
        Path file = folder.resolve("fleet.json");

        // when
        CommandRunner.Result written = writeTheFleetsEvents(file);
        CommandRunner.Result printed = CommandRunner.run(CommandRunner.offline(), with(FLEET, "--dry-run"));

        // then
        assertThat(written.exitCode()).isZero();
        KinesisEvent event = EventLoader.loadKinesisEvent(file.toString());
        ReadingCodec codec = new ReadingCodec();
        List<SensorReading> fromEvent = event.getRecords().stream()
                .map(record -> codec.decode(record.getKinesis().getData()))
                .map(result -> ((DecodeResult.Decoded) result).reading())
                .toList();
        assertThat(fromEvent).isEqualTo(ProducerCommandTest.decode(printed.out()));
    }

    @Test
    void eventsOut_keysEachRecordBySensor_withIncreasing56DigitSequenceNumbers() {
        // given
        Path file = folder.resolve("fleet.json");

        // when
        CommandRunner.Result result = writeTheFleetsEvents(file);

        // then
        assertThat(result.exitCode()).isZero();
        List<KinesisEvent.KinesisEventRecord> records = EventLoader.loadKinesisEvent(file.toString()).getRecords();
        assertThat(records).hasSize(40);
        BigInteger previous = BigInteger.ZERO;
        for (KinesisEvent.KinesisEventRecord record : records) {
            String sequence = record.getKinesis().getSequenceNumber();
            assertThat(sequence).hasSize(56).containsOnlyDigits();
            assertThat(new BigInteger(sequence)).isGreaterThan(previous);
            previous = new BigInteger(sequence);
            assertThat(record.getEventID()).isEqualTo("shardId-000000000000:" + sequence);
        }
        assertThat(records.get(2).getKinesis().getPartitionKey()).isEqualTo("sensor-3");
    }

    @Test
    void eventsOut_describesTheStreamAndTheRecordsLikeAnEventSourceMapping() {
        // given
        Path file = folder.resolve("fleet.json");

        // when
        CommandRunner.run(CommandRunner.offline(), with(FLEET, "--events-out", file.toString(),
                "--region", "eu-west-1", "--stream", "greenhouse"));

        // then
        KinesisEvent.KinesisEventRecord record = EventLoader.loadKinesisEvent(file.toString()).getRecords().get(6);
        assertThat(record.getEventSource()).isEqualTo("aws:kinesis");
        assertThat(record.getEventName()).isEqualTo("aws:kinesis:record");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:eu-west-1:123456789012:stream/greenhouse");
        assertThat(record.getInvokeIdentityArn()).isEqualTo("arn:aws:iam::123456789012:role/sensor-ingest-role");
        assertThat(record.getKinesis().getKinesisSchemaVersion()).isEqualTo("1.0");
        // the second reading of its second: one millisecond after the first
        assertThat(record.getKinesis().getApproximateArrivalTimestamp().getTime()).isEqualTo(1_764_374_401_001L);
    }

    @Test
    void eventsOut_sendsNothing_andSaysSo() {
        // given
        Path file = folder.resolve("fleet.json");

        // when: the offline dependencies fail the test on any attempt to connect
        CommandRunner.Result result = writeTheFleetsEvents(file);

        // then
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("written to " + file, "nothing sent to Kinesis");
    }

    @Test
    void eventsOut_withAggregate_writesTheDryRunsReadings_inOrder_inFarFewerRecords() {
        // given
        Path file = folder.resolve("aggregated.json");

        // when
        CommandRunner.Result written = CommandRunner.run(CommandRunner.offline(),
                with(BIG_FLEET, "--aggregate", "--events-out", file.toString()));
        CommandRunner.Result printed = CommandRunner.run(CommandRunner.offline(), with(BIG_FLEET, "--dry-run"));

        // then
        assertThat(written.exitCode()).isZero();
        List<KinesisEvent.KinesisEventRecord> records = EventLoader.loadKinesisEvent(file.toString()).getRecords();
        assertThat(records).hasSizeLessThan(5000 / 100);
        assertThat(deaggregated(records)).isEqualTo(ProducerCommandTest.decode(printed.out()));
        assertThat(written.err()).contains("5000 readings", "as a Lambda Kinesis event of " + records.size()
                + " records");
    }

    @Test
    void eventsOut_withAggregate_writesRecordsTheKclReads_toTheDryRunsReadings() {
        // given
        Path file = folder.resolve("aggregated.json");
        CommandRunner.run(CommandRunner.offline(), with(BIG_FLEET, "--aggregate", "--events-out", file.toString()));
        List<KinesisClientRecord> records = EventLoader.loadKinesisEvent(file.toString()).getRecords().stream()
                .map(record -> KinesisClientRecord.builder().data(record.getKinesis().getData())
                        .partitionKey(record.getKinesis().getPartitionKey())
                        .sequenceNumber(record.getKinesis().getSequenceNumber()).build())
                .toList();

        // when: the file is one shard's records, which takes every hash key
        List<KinesisClientRecord> userRecords = KclReader.deaggregate(records, KclReader.FIRST_HASH_KEY,
                KclReader.LAST_HASH_KEY);

        // then
        ReadingCodec codec = new ReadingCodec();
        assertThat(userRecords).extracting(record -> ((DecodeResult.Decoded) codec.decode(record.data())).reading())
                .isEqualTo(ProducerCommandTest.decode(CommandRunner.run(CommandRunner.offline(),
                        with(BIG_FLEET, "--dry-run")).out()));
        assertThat(userRecords).filteredOn(KinesisClientRecord::aggregated).hasSizeGreaterThan(4900);
    }

    @Test
    void eventsOut_withAggregate_keepsEveryRecordWithinTheMaximum_andEachReadingUnderItsSensorsKey() {
        // given
        Path file = folder.resolve("aggregated.json");

        // when
        CommandRunner.run(CommandRunner.offline(), with(BIG_FLEET, "--aggregate", "--aggregate-max-bytes", "4096",
                "--events-out", file.toString()));

        // then
        List<KinesisEvent.KinesisEventRecord> records = EventLoader.loadKinesisEvent(file.toString()).getRecords();
        assertThat(records).allSatisfy(record -> assertThat(record.getKinesis().getData().remaining()
                + record.getKinesis().getPartitionKey().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096));
        for (KinesisEvent.KinesisEventRecord record : records) {
            Deaggregation result = KplAggregate.deaggregate(record.getKinesis().getData());
            assertThat(((Deaggregation.Deaggregated) result).userRecords()).allSatisfy(user -> assertThat(
                    user.partitionKey()).isEqualTo(((DecodeResult.Decoded) new ReadingCodec().decode(user.data()))
                    .reading().sensorId()));
        }
    }

    @Test
    void eventsOut_withAggregate_writesTheSameFile_everyTime() throws Exception {
        // given
        Path first = folder.resolve("first.json");
        Path second = folder.resolve("second.json");

        // when
        CommandRunner.run(CommandRunner.offline(), with(BIG_FLEET, "--aggregate", "--events-out", first.toString()));
        CommandRunner.run(CommandRunner.offline(), with(BIG_FLEET, "--aggregate", "--events-out", second.toString()));

        // then
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void theAggregatedTestPayload_isWhatTheProducerWrites_withTheArgumentsGenerateDocuments() throws Exception {
        // given
        Path file = folder.resolve("aggregated.json");

        // when
        CommandRunner.run(CommandRunner.offline(), "-n", "7", "-c", "200", "--humidity", "--seed", "1",
                "--start-time", "2025-11-29T00:00:00Z", "--aggregate", "--aggregate-max-bytes", "2048",
                "--events-out", file.toString());

        // then: if the format changed on purpose, regenerate it as test-payloads/README.md says
        assertThat(Files.readString(file)).isEqualTo(
                Files.readString(ProjectFiles.resolve("test-payloads/aggregated.json")));
    }

    /** The readings of the event's records, plain or aggregated, in order. */
    static List<SensorReading> deaggregated(List<KinesisEvent.KinesisEventRecord> records) {
        ReadingCodec codec = new ReadingCodec();
        List<SensorReading> readings = new ArrayList<>();
        for (KinesisEvent.KinesisEventRecord record : records) {
            ByteBuffer data = record.getKinesis().getData();
            if (KplAggregate.isAggregated(data)) {
                for (UserRecord user : ((Deaggregation.Deaggregated) KplAggregate.deaggregate(data)).userRecords()) {
                    readings.add(((DecodeResult.Decoded) codec.decode(user.data())).reading());
                }
            } else {
                readings.add(((DecodeResult.Decoded) codec.decode(data)).reading());
            }
        }
        return readings;
    }

    private static String[] with(String[] fleet, String... more) {
        String[] args = new String[fleet.length + more.length];
        System.arraycopy(fleet, 0, args, 0, fleet.length);
        System.arraycopy(more, 0, args, fleet.length, more.length);
        return args;
    }

    /** The producer's --events-out for the fleet, run offline: any attempt to connect fails the test. */
    private static CommandRunner.Result writeTheFleetsEvents(Path file) {
        return CommandRunner.run(CommandRunner.offline(), with(FLEET, "--events-out", file.toString()));
    }
}
