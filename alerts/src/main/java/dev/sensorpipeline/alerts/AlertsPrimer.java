package dev.sensorpipeline.alerts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.sensorpipeline.alerts.batch.AlertMetrics;
import dev.sensorpipeline.alerts.config.AlertsConfig;
import dev.sensorpipeline.alerts.record.ChangeRecord;
import dev.sensorpipeline.alerts.record.StreamRecords;
import dev.sensorpipeline.alerts.rules.Alert;
import dev.sensorpipeline.alerts.rules.RuleEvaluator;
import dev.sensorpipeline.alerts.rules.Sample;
import dev.sensorpipeline.alerts.rules.SensorHistory;
import dev.sensorpipeline.alerts.store.AlertFields;
import dev.sensorpipeline.alerts.store.RuleOverrides;
import dev.sensorpipeline.alerts.store.SnsAlertPublisher;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.log.JsonLogger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Everything SnapStart priming does, in one place, for the handler's {@code beforeCheckpoint}: reads a made-up
 * stream record, runs the rules on it, renders the alert's item fields, its message and a batch's metrics, so that
 * their classes are loaded before the snapshot; and reads {@code SensorAlertRules} once for a sensor no one has
 * (a GetItem, which the function's role allows anyway), which takes the DynamoDB client's whole request path
 * (marshalling, endpoint rules, signing, a connection). Nothing is written or published: the SNS client's path is
 * loaded by the first alert.
 *
 * @param config    the settings
 * @param overrides the rules table, uncached
 * @param clock     the time
 */
public record AlertsPrimer(AlertsConfig config, RuleOverrides overrides, Clock clock) {

    /** The sensor the priming read asks for: none has that id. */
    static final String PRIMING_SENSOR = "sensor-pipeline-priming-never-stored";

    private static final JsonLogger LOG = JsonLogger.of(AlertsPrimer.class);

    /** Primes the function's paths; writes and publishes nothing. */
    public void prime() {
        Instant now = clock.instant();
        ChangeRecord record = StreamRecords.of(sampleRecord(now.getEpochSecond()));
        SensorReading reading = record.reading().orElseThrow();
        SensorHistory history = new SensorHistory()
                .addStored(new Sample(reading.currentTime() - 60, new BigDecimal("20")));
        for (Alert alert : RuleEvaluator.evaluate(reading, history, config.defaults())) {
            AlertFields.of(alert, now.getEpochSecond());
            SnsAlertPublisher.message(alert, now.getEpochSecond());
        }
        new AlertMetrics(1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0.5, 0, 0, 0)
                .toEmfFields(config.functionName(), now);
        try {
            overrides.forSensor(PRIMING_SENSOR);
        } catch (RuntimeException e) {
            LOG.warn("priming the read path failed; the first batch will load it", "error",
                    String.valueOf(e.getMessage()));
        }
    }

    private static DynamodbEvent.DynamodbStreamRecord sampleRecord(long time) {
        StreamRecord change = new StreamRecord()
                .withSequenceNumber("1")
                .withNewImage(Map.of(
                        "SensorId", new AttributeValue().withS(PRIMING_SENSOR),
                        "CurrentTime", new AttributeValue().withN(Long.toString(time)),
                        "Temperature", new AttributeValue().withN("120.5"),
                        "Humidity", new AttributeValue().withN("41.5")));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("priming");
        record.setEventName("INSERT");
        record.setDynamodb(change);
        return record;
    }
}
