package dev.sensorpipeline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.sensorpipeline.alerts.batch.AlertBatchProcessor;
import dev.sensorpipeline.alerts.config.AlertsConfig;
import dev.sensorpipeline.alerts.rules.RuleOverride;
import dev.sensorpipeline.alerts.testing.InMemoryAlerts;
import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The handler over small fakes: the event as the runtime loads it in, batch item failures out. */
class AlertsHandlerTest {

    static final Map<String, String> ENV = Map.of("AWS_REGION", "us-east-1",
            "ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:sensor-alerts");
    private static final String PAYLOAD = "test-payloads/dynamodb-stream-event.json";

    private final InMemoryAlerts world = new InMemoryAlerts();
    private final List<String> primingReads = new ArrayList<>();

    private AlertsHandler handler() {
        AlertsConfig config = AlertsConfig.fromEnvironment(ENV);
        AlertBatchProcessor.Dependencies dependencies = new AlertBatchProcessor.Dependencies(world.overrides(),
                world.history(), world.store(), world.publisher());
        return new AlertsHandler(AlertsFunction.create(config, dependencies, sensorId -> {
            primingReads.add(sensorId);
            return RuleOverride.NONE;
        }, Clock.fixed(Instant.ofEpochSecond(1_764_400_070L), ZoneOffset.UTC)));
    }

    /** What the ingest function stored before the stream delivered the payload. */
    private void storeThePayloadsReadings() {
        world.store(List.of(
                SensorReading.of("sensor-1", 1_764_400_000L, new BigDecimal("20.5")),
                SensorReading.of("sensor-2", 1_764_400_000L, new BigDecimal("22.5")),
                SensorReading.of("sensor-3", 1_764_400_060L, new BigDecimal("104.2"))));
    }

    @ParameterizedTest
    @Event(value = PAYLOAD, type = DynamodbEvent.class)
    void handle_thePayload_raisesTheOneAlertItsReadingsBreak(DynamodbEvent event) {
        // given
        storeThePayloadsReadings();

        // when
        StreamsEventResponse response = handler().handleRequest(event, null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(world.alerts()).containsOnlyKeys("sensor-3/00000000001764400060#high-temperature");
        assertThat(world.published).containsExactly(
                new InMemoryAlerts.Message("sensor-3", "high-temperature", 1_764_400_060L, 1_764_400_070L));
        assertThat(world.queries).extracting(InMemoryAlerts.Query::sensorId)
                .containsExactlyInAnyOrder("sensor-1", "sensor-2", "sensor-3");
    }

    @ParameterizedTest
    @Event(value = PAYLOAD, type = DynamodbEvent.class)
    void handle_aFailedPublish_isReportedByTheRecordsSequenceNumber(DynamodbEvent event) {
        // given SNS refuses every publish
        storeThePayloadsReadings();
        world.publishFailuresLeft = -1;

        // when
        StreamsEventResponse response = handler().handleRequest(event, null);

        // then
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("100000000005391461883");
        assertThat(world.alerts()).containsEntry("sensor-3/00000000001764400060#high-temperature", false);
    }

    @ParameterizedTest
    @Event(value = PAYLOAD, type = DynamodbEvent.class)
    void handle_aReplayedBatch_publishesNothingMore(DynamodbEvent event) {
        // given the batch handled once
        storeThePayloadsReadings();
        AlertsHandler handler = handler();
        handler.handleRequest(event, null);

        // when
        StreamsEventResponse replay = handler.handleRequest(event, null);

        // then
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(world.published).hasSize(1);
    }

    @Test
    void handle_anEmptyEvent_reportsNothing() {
        // given / when
        StreamsEventResponse response = handler().handleRequest(new DynamodbEvent(), null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void beforeCheckpoint_readsTheRulesTableOnce_andWritesNothing() {
        // given
        AlertsHandler handler = handler();

        // when
        handler.beforeCheckpoint(null);

        // then
        assertThat(primingReads).containsExactly(AlertsPrimer.PRIMING_SENSOR);
        assertThat(world.alerts()).isEmpty();
        assertThat(world.published).isEmpty();
        assertThat(world.queries).isEmpty();
    }
}
