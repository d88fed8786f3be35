package dev.sensorpipeline.alerts.batch;

import dev.sensorpipeline.model.log.EmfDocument;
import java.time.Instant;
import java.util.Map;

/**
 * A batch's figures, logged as one CloudWatch Embedded Metric Format document (namespace {@code SensorPipeline},
 * dimension {@code FunctionName}), as the ingest function logs its own.
 *
 * @param records          records in the event
 * @param readings         distinct readings evaluated (a key given twice in a batch counts once)
 * @param ignored          REMOVE records and records without a new image
 * @param notReadings      new images that are not readings, logged and skipped
 * @param sensors          sensors in the batch
 * @param highTemperature  new {@code high-temperature} alerts stored
 * @param lowTemperature   new {@code low-temperature} alerts stored
 * @param risingFast       new {@code rising-fast} alerts stored
 * @param alreadyStored    alerts found stored already (a replay): published again only if they had not been
 * @param alertsPublished  messages published
 * @param publishFailures  publishes that failed; their records are reported for retry
 * @param storeFailures    alert writes that failed; their records are reported for retry
 * @param historyQueries   Query requests on SensorData (pages included): one query per sensor
 * @param historyReadings  stored readings the queries returned
 * @param readCapacity     read capacity units the queries consumed
 * @param readFailures sensors whose history or overrides could not be read; their records are reported
 * @param failed           records reported to Lambda as batch item failures
 * @param durationMs       time spent on the batch
 */
public record AlertMetrics(int records, int readings, int ignored, int notReadings, int sensors,
                           int highTemperature, int lowTemperature, int risingFast, int alreadyStored,
                           int alertsPublished, int publishFailures, int storeFailures, int historyQueries,
                           int historyReadings, double readCapacity, int readFailures, int failed,
                           long durationMs) {

    /** New alerts stored, all rules. */
    public int alertsRaised() {
        return highTemperature + lowTemperature + risingFast;
    }

    /** The fields of the batch's log line. */
    public Map<String, Object> toEmfFields(String functionName, Instant now) {
        return EmfDocument.create()
                .count("records", records)
                .count("readings", readings)
                .count("ignored", ignored)
                .count("notReadings", notReadings)
                .count("sensors", sensors)
                .count("alertsRaised", alertsRaised())
                .count("highTemperatureAlerts", highTemperature)
                .count("lowTemperatureAlerts", lowTemperature)
                .count("risingFastAlerts", risingFast)
                .count("alertsAlreadyStored", alreadyStored)
                .count("alertsPublished", alertsPublished)
                .count("publishFailures", publishFailures)
                .count("storeFailures", storeFailures)
                .count("historyQueries", historyQueries)
                .count("historyReadings", historyReadings)
                .metric("readCapacity", readCapacity, "Count")
                .count("readFailures", readFailures)
                .count("failed", failed)
                .metric("durationMs", durationMs, "Milliseconds")
                .toFields(functionName, now);
    }
}
