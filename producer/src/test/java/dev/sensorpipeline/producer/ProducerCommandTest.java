package dev.sensorpipeline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.model.DecodeResult;
import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.delivery.StopSignal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProducerCommandTest {

    private static final String[] FLEET = {"--sensors", "13", "--count", "200", "--seed", "7",
        "--start-time", "1764374400", "--rate", "0"};

    @Test
    void help_listsTheExitCodesScriptsCanRelyOn() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--help");

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Exit codes:", "130", "--partition-key", "AWS_ENDPOINT_URL")
                .doesNotContain("--book-mode");
    }

    @Test
    void dryRun_printsTheSameReadings_everyTime() {
        // when
        CommandRunner.Result first = CommandRunner.run(CommandRunner.offline(), dryRun(FLEET));
        CommandRunner.Result second = CommandRunner.run(CommandRunner.offline(), dryRun(FLEET));

        // then
        assertThat(first.exitCode()).isZero();
        assertThat(first.out().lines()).hasSize(200);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void dryRun_printsReadingsTheFunctionDecodes() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), dryRun(FLEET));

        // then
        List<SensorReading> readings = decode(result.out());
        assertThat(readings).hasSize(200);
        assertThat(readings.get(0).sensorId()).isEqualTo("sensor-1");
        assertThat(readings.get(13).currentTime()).isEqualTo(1_764_374_401L);
    }

    @Test
    void dryRun_endsWithASummaryOnStderr_keepingStdoutForReadings() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), dryRun(FLEET));

        // then
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("dry run: 200 readings of 13 sensors").contains("seed 7");
    }

    @Test
    void dryRun_printsTheSameReadings_withOrWithoutAggregate() {
        // when
        CommandRunner.Result plain = CommandRunner.run(CommandRunner.offline(), dryRun(FLEET));
        CommandRunner.Result aggregated = CommandRunner.run(CommandRunner.offline(),
                ProducerCommandTest.dryRun(with(FLEET, "--aggregate")));

        // then
        assertThat(aggregated.exitCode()).isZero();
        assertThat(aggregated.out()).isEqualTo(plain.out());
    }

    @Test
    void help_describesAggregation() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--help");

        // then
        assertThat(result.out()).contains("--aggregate", "--aggregate-max-bytes", "one PUT payload unit");
    }

    @Test
    void startTime_inIso8601_isTheSameAsInUnixSeconds() {
        // when
        CommandRunner.Result unix = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-n", "3", "-c", "9",
                "--seed", "1", "--start-time", "1764374400");
        CommandRunner.Result iso = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-n", "3", "-c", "9",
                "--seed", "1", "--start-time", "2025-11-29T00:00:00Z");

        // then
        assertThat(iso.out()).isEqualTo(unix.out());
    }

    @Test
    void withoutStartTime_theFleetStartsAtTheWallClock() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-n", "2", "-c", "4");

        // then
        assertThat(decode(result.out())).extracting(SensorReading::currentTime)
                .containsExactly(CommandRunner.NOW.getEpochSecond(), CommandRunner.NOW.getEpochSecond(),
                        CommandRunner.NOW.getEpochSecond() + 1, CommandRunner.NOW.getEpochSecond() + 1);
    }

    @Test
    void withoutSeed_theSummaryShowsTheSeedUsed_soTheRunCanBeRepeated() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-c", "1");

        // then: the test dependencies draw 42
        assertThat(result.err()).contains("seed 42");
    }

    @Test
    void duration_coversEverySensorForTheSpan() {
        // when: ticks at 0, 5, 10, 15 cover 20 s
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-n", "3",
                "--interval", "5", "--duration", "20s");

        // then
        assertThat(result.out().lines()).hasSize(12);
    }

    @Test
    void humidity_appearsInEveryReading_whenAskedFor() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-c", "20",
                "--humidity");

        // then
        assertThat(decode(result.out())).allSatisfy(reading -> assertThat(reading.humidity()).isNotNull());
    }

    @Test
    void sensorPrefix_namesTheSensors() {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-n", "2", "-c", "2",
                "--sensor-prefix", "greenhouse-");

        // then
        assertThat(decode(result.out())).extracting(SensorReading::sensorId)
                .containsExactly("greenhouse-1", "greenhouse-2");
    }

    @Test
    void dryRun_stopsWithExitCode130_whenInterrupted() {
        // given: a run without end, stopped as soon as it starts
        StopSignal stop = new StopSignal();
        stop.requestStop();

        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.dependencies(settings -> {
            throw new AssertionError("no AWS");
        }, stop), "--dry-run");

        // then
        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(result.err()).startsWith("interrupted: 0 readings");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--sensors 0                     | --sensors must be from 1",
        "--interval 0                    | --interval must be at least 1 second",
        "--count 0                       | --count must be at least 1",
        "--count 5 --duration 5s         | mutually exclusive",
        "--duration soon                 | 'soon' is not a duration",
        "--rate -1                       | --rate must be a number of readings per second",
        "--rate NaN                      | --rate must be a number of readings per second",
        "--max-retries -1                | --max-retries must be 0 or more",
        "--start-time yesterday          | 'yesterday' is not a start time",
        "--partition-key shard           | choose sensor, random or constant",
        "--progress sometimes            | choose auto, always or never",
        "--events-out /no/such/dir/e.json | folder /no/such/dir does not exist",
        "--aggregate-max-bytes 4096        | --aggregate-max-bytes needs --aggregate",
        "--aggregate --aggregate-max-bytes 1000 | --aggregate-max-bytes must be from 1024 to 1048576",
        "--aggregate --aggregate-max-bytes 1048577 | --aggregate-max-bytes must be from 1024 to 1048576",
        "--book-mode                     | Unknown option: '--book-mode'",
        "--sensorz 3                     | Unknown option"})
    void badArguments_exitWith2_andSayWhatIsWrong(String arguments, String message) {
        // when
        CommandRunner.Result result = CommandRunner.run(CommandRunner.offline(), arguments.strip().split(" +"));

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("sensor-producer: ").contains(message)
                .contains("Try 'sensor-producer --help'").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aSensorPrefixTooLongForAPartitionKey_isABadArgument_unlessKeysAreRandom() {
        // given
        String prefix = "p".repeat(260);

        // when
        CommandRunner.Result bySensor = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-c", "1",
                "--sensor-prefix", prefix);
        CommandRunner.Result random = CommandRunner.run(CommandRunner.offline(), "--dry-run", "-c", "1",
                "--sensor-prefix", prefix, "--partition-key", "random");

        // then
        assertThat(bySensor.exitCode()).isEqualTo(2);
        assertThat(bySensor.err()).contains("too long for a partition key");
        assertThat(random.exitCode()).isZero();
    }

    static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    static String[] dryRun(String... fleet) {
        String[] args = new String[fleet.length + 1];
        System.arraycopy(fleet, 0, args, 0, fleet.length);
        args[fleet.length] = "--dry-run";
        return args;
    }

    static List<SensorReading> decode(String jsonLines) {
        ReadingCodec codec = new ReadingCodec();
        return jsonLines.lines()
                .map(line -> codec.decode(line.getBytes(StandardCharsets.UTF_8)))
                .map(result -> ((DecodeResult.Decoded) result).reading())
                .toList();
    }
}
