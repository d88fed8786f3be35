package dev.sensorpipeline.alerts.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.alerts.record.ChangeRecord;
import dev.sensorpipeline.alerts.rules.RuleOverride;
import dev.sensorpipeline.alerts.rules.Thresholds;
import dev.sensorpipeline.alerts.testing.InMemoryAlerts;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.log.JsonLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertBatchProcessorTest {

    static final Thresholds DEFAULTS =
            new Thresholds(new BigDecimal("100"), new BigDecimal("-40"), new BigDecimal("15"), 300);
    static final long T = 1_764_400_000L;

    private final InMemoryAlerts world = new InMemoryAlerts();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    static SensorReading reading(String sensor, long time, String temperature) {
        return SensorReading.of(sensor, time, new BigDecimal(temperature));
    }

    /** Stream records for readings the ingest function has stored: sequence numbers 100, 101, ... */
    static List<ChangeRecord> records(List<SensorReading> readings) {
        List<ChangeRecord> records = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            records.add(ChangeRecord.reading("event-" + i, Integer.toString(100 + i), readings.get(i)));
        }
        return records;
    }

    static AlertBatchProcessor processor(InMemoryAlerts world, PrintStream log) {
        return new AlertBatchProcessor(
                new AlertBatchProcessor.Dependencies(world.overrides(), world.history(), world.store(),
                        world.publisher()),
                DEFAULTS, "sensor-alerts", Clock.fixed(Instant.ofEpochSecond(T + 5), ZoneOffset.UTC),
                JsonLogger.to(log, "AlertBatchProcessor"));
    }

    private BatchReport process(List<SensorReading> batch) {
        world.store(batch);
        return processor(world, new PrintStream(logged, true, StandardCharsets.UTF_8)).process(records(batch));
    }

    @Test
    void readingsBreakingNoRule_raiseNothing() {
        // given readings inside every limit, rising by exactly 15 at most
        List<SensorReading> batch = List.of(reading("s1", T, "20"), reading("s1", T + 60, "35"),
                reading("s1", T + 120, "100"), reading("s2", T, "-40"));

        // when
        BatchReport report = process(batch);

        // then
        assertThat(world.alerts()).containsOnlyKeys("s1/00000000001764400120#rising-fast");
        assertThat(report.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void eachBrokenRule_isStoredPublishedAndMarked() {
        // given one reading too hot and one too cold
        List<SensorReading> batch = List.of(reading("s1", T, "100.5"), reading("s2", T, "-41"));

        // when
        BatchReport report = process(batch);

        // then
        assertThat(world.alerts()).containsOnly(
                org.assertj.core.api.Assertions.entry("s1/00000000001764400000#high-temperature", true),
                org.assertj.core.api.Assertions.entry("s2/00000000001764400000#low-temperature", true));
        assertThat(world.published).extracting(InMemoryAlerts.Message::rule)
                .containsExactlyInAnyOrder("high-temperature", "low-temperature");
        assertThat(report.metrics().alertsRaised()).isEqualTo(2);
        assertThat(report.metrics().alertsPublished()).isEqualTo(2);
    }

    @Test
    void history_isOneQueryPerSensorPerBatch_overTheEarliestWindowToTheLatest() {
        // given three readings of s1 and two of s2
        List<SensorReading> batch = List.of(reading("s1", T + 10, "20"), reading("s2", T + 5, "20"),
                reading("s1", T, "20"), reading("s1", T + 30, "20"), reading("s2", T + 7, "20"));

        // when
        process(batch);

        // then
        assertThat(world.queries).containsExactlyInAnyOrder(
                new InMemoryAlerts.Query("s1", T - 300, T + 30),
                new InMemoryAlerts.Query("s2", T + 5 - 300, T + 7));
    }

    @Test
    void aLaterReadingInTheBatch_completesTheWindowOfAnEarlierRecord() {
        // given the batch's first record is the high reading, its window's low comes later in the batch
        List<SensorReading> batch = List.of(reading("s1", T + 100, "40"), reading("s1", T, "20"));

        // when
        process(batch);

        // then
        assertThat(world.alerts()).containsOnlyKeys("s1/00000000001764400100#rising-fast");
    }

    @Test
    void storedReadings_formTheWindow() {
        // given a stored reading from an earlier batch
        world.store(List.of(reading("s1", T - 299, "10")));

        // when
        process(List.of(reading("s1", T, "25.5")));

        // then
        assertThat(world.alerts()).containsOnlyKeys("s1/00000000001764400000#rising-fast");
    }

    @Test
    void aReplayedBatch_publishesNothingTwice() {
        // given a batch processed once
        List<SensorReading> batch = List.of(reading("s1", T, "120"));
        process(batch);

        // when it is replayed
        BatchReport replay = process(batch);

        // then
        assertThat(world.published).hasSize(1);
        assertThat(replay.metrics().alertsRaised()).isZero();
        assertThat(replay.metrics().alreadyStored()).isEqualTo(1);
        assertThat(replay.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void aFailedPublish_reportsItsRecord_andTheReplayPublishesIt() {
        // given a publish that fails once, in a batch with a reading of another sensor
        world.publishFailuresLeft = 1;
        List<SensorReading> batch = List.of(reading("s2", T, "20"), reading("s1", T + 1, "120"));

        // when
        BatchReport first = process(batch);
        BatchReport replay = process(batch);

        // then the record of the alert is retried, and the replay publishes the stored, unpublished alert once
        assertThat(first.failedSequenceNumbers()).containsExactly("101");
        assertThat(first.metrics().publishFailures()).isEqualTo(1);
        assertThat(replay.failedSequenceNumbers()).isEmpty();
        assertThat(world.published).extracting(InMemoryAlerts.Message::currentTime).containsExactly(T + 1);
        assertThat(world.published.get(0).raisedAt()).isEqualTo(T + 5);
        assertThat(world.alerts()).containsValue(true).hasSize(1);
    }

    @Test
    void anUnreadableHistory_reportsThatSensorsRecords() {
        // given SensorData does not answer
        world.historyDown = true;

        // when
        BatchReport report = process(List.of(reading("s1", T, "20"), reading("s1", T + 1, "21")));

        // then
        assertThat(report.failedSequenceNumbers()).containsExactly("100", "101");
        assertThat(world.alerts()).isEmpty();
    }

    @Test
    void anOverride_changesThatSensorsVerdictOnly() {
        // given s1 may go to 130
        world.override("s1", new RuleOverride(Optional.of(new BigDecimal("130")), Optional.empty(),
                Optional.empty(), Optional.empty()));

        // when
        process(List.of(reading("s1", T, "120"), reading("s2", T, "120")));

        // then
        assertThat(world.alerts()).containsOnlyKeys("s2/00000000001764400000#high-temperature");
    }

    @Test
    void anOverriddenWindow_setsTheQuerysRange() {
        // given s1's window is 60 seconds
        world.override("s1", new RuleOverride(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(60L)));
        world.store(List.of(reading("s1", T - 61, "0")));

        // when
        process(List.of(reading("s1", T, "20")));

        // then
        assertThat(world.queries).containsExactly(new InMemoryAlerts.Query("s1", T - 60, T));
        assertThat(world.alerts()).isEmpty();
    }

    @Test
    void removesAndImagesThatAreNotReadings_areSkipped_notReported() {
        // given
        List<ChangeRecord> records = List.of(ChangeRecord.ignored("e1", "1", "eventName REMOVE"),
                ChangeRecord.notAReading("e2", "2", "Temperature is missing"));

        // when
        BatchReport report = processor(world, new PrintStream(logged, true, StandardCharsets.UTF_8))
                .process(records);

        // then
        assertThat(report.failedSequenceNumbers()).isEmpty();
        assertThat(report.metrics().ignored()).isEqualTo(1);
        assertThat(report.metrics().notReadings()).isEqualTo(1);
        assertThat(world.queries).isEmpty();
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("Temperature is missing");
    }

    @Test
    void theBatchSummary_isAnEmfDocument() {
        // given / when
        process(List.of(reading("s1", T, "120")));

        // then
        String summary = logged.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("batch processed")).findFirst().orElseThrow();
        assertThat(summary).contains("\"Namespace\":\"SensorPipeline\"", "\"alertsRaised\":1",
                "\"alertsPublished\":1", "\"publishFailures\":0", "\"historyQueries\":1", "\"readCapacity\":0.5",
                "\"FunctionName\":\"sensor-alerts\"");
    }
}
