package dev.sensorpipeline.alerts.batch;

import dev.sensorpipeline.alerts.record.ChangeRecord;
import dev.sensorpipeline.alerts.rules.Alert;
import dev.sensorpipeline.alerts.rules.RuleEvaluator;
import dev.sensorpipeline.alerts.rules.Sample;
import dev.sensorpipeline.alerts.rules.SensorHistory;
import dev.sensorpipeline.alerts.rules.Thresholds;
import dev.sensorpipeline.alerts.store.AlertPublisher;
import dev.sensorpipeline.alerts.store.AlertStore;
import dev.sensorpipeline.alerts.store.ReadingHistory;
import dev.sensorpipeline.alerts.store.RuleOverrides;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.log.JsonLogger;
import dev.sensorpipeline.model.stream.SequenceNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One batch of SensorData's stream, through the rules: the readings grouped by sensor; for each sensor its
 * overrides (cached), then ONE Query of its stored readings over [earliest − window, latest] of its readings in the
 * batch, merged with the batch's own, so each reading is judged on the same history whatever the order of the
 * records; then each alert stored once (a conditional write) and published, and marked published.
 *
 * <p>A record is reported for retry when its sensor's history or overrides cannot be read, or one of its alerts
 * cannot be stored or published; Lambda then replays from it, and the conditional write makes the replay add
 * nothing but the publishes that were missing.
 */
public final class AlertBatchProcessor {

    /**
     * What the processor reads and writes through.
     *
     * @param overrides the per-sensor thresholds
     * @param history   the stored readings
     * @param store     the alerts table
     * @param publisher the topic
     */
    public record Dependencies(RuleOverrides overrides, ReadingHistory history, AlertStore store,
                               AlertPublisher publisher) {
    }

    private final Dependencies dependencies;
    private final Thresholds defaults;
    private final String functionName;
    private final Clock clock;
    private final JsonLogger log;

    public AlertBatchProcessor(Dependencies dependencies, Thresholds defaults, String functionName, Clock clock,
                               JsonLogger log) {
        this.dependencies = dependencies;
        this.defaults = defaults;
        this.functionName = functionName;
        this.clock = clock;
        this.log = log;
    }

    /** The latest record of one reading key in the batch, and every record of that key. */
    private static final class KeyRecords {
        private SensorReading reading;
        private String latestSequenceNumber;
        private final List<String> sequenceNumbers = new ArrayList<>(1);
        private int withoutSequenceNumber;
    }

    /** Runs the batch; never throws for one record's or one sensor's trouble. */
    public BatchReport process(List<ChangeRecord> records) {
        Instant start = clock.instant();
        Tally tally = new Tally();
        tally.records = records.size();
        Map<String, Map<ReadingKey, KeyRecords>> bySensor = new TreeMap<>();
        for (ChangeRecord record : records) {
            switch (record.kind()) {
                case IGNORED -> tally.ignored++;
                case NOT_A_READING -> {
                    tally.notReadings++;
                    log.warn("stream record is not a reading; skipped", "eventId", record.eventId(),
                            "sequenceNumber", record.sequenceNumber(), "problem", record.detail());
                }
                case READING -> add(bySensor, record);
            }
        }
        tally.sensors = bySensor.size();
        Failures failures = new Failures();
        for (Map.Entry<String, Map<ReadingKey, KeyRecords>> sensor : bySensor.entrySet()) {
            evaluateSensor(sensor.getKey(), sensor.getValue().values(), tally, failures);
        }
        long durationMs = Duration.between(start, clock.instant()).toMillis();
        AlertMetrics metrics = tally.metrics(failures.count(), durationMs);
        log.info("batch processed", metrics.toEmfFields(functionName, clock.instant()));
        return new BatchReport(failures.sorted(), failures.unreportable, metrics);
    }

    private static void add(Map<String, Map<ReadingKey, KeyRecords>> bySensor, ChangeRecord record) {
        SensorReading reading = record.reading().orElseThrow();
        KeyRecords key = bySensor.computeIfAbsent(reading.sensorId(), id -> new LinkedHashMap<>())
                .computeIfAbsent(reading.key(), k -> new KeyRecords());
        String sequenceNumber = record.sequenceNumber();
        if (sequenceNumber == null) {
            key.withoutSequenceNumber++;
        } else {
            key.sequenceNumbers.add(sequenceNumber);
        }
        // The stream orders an item's changes by sequence number: the highest holds the item as it now is.
        if (key.reading == null || SequenceNumbers.NUMERIC_ORDER.compare(sequenceNumber, key.latestSequenceNumber) > 0) {
            key.reading = reading;
            key.latestSequenceNumber = sequenceNumber;
        }
    }

    private void evaluateSensor(String sensorId, Collection<KeyRecords> keys, Tally tally,
                                Failures failures) {
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (KeyRecords key : keys) {
            earliest = Math.min(earliest, key.reading.currentTime());
            latest = Math.max(latest, key.reading.currentTime());
        }
        Thresholds thresholds;
        ReadingHistory.Result stored;
        try {
            thresholds = defaults.with(dependencies.overrides().forSensor(sensorId));
            stored = dependencies.history().readings(sensorId, RuleEvaluator.windowStart(earliest, thresholds),
                    latest);
        } catch (RuntimeException e) {
            tally.readFailures++;
            log.error("could not read the sensor's alert rules or history; its records will be retried",
                    "sensorId", sensorId, "error", String.valueOf(e.getMessage()));
            keys.forEach(failures::add);
            return;
        }
        tally.historyQueries += stored.pages();
        tally.historyReadings += stored.samples().size();
        tally.readCapacity += stored.capacityUnits();
        SensorHistory history = new SensorHistory();
        stored.samples().forEach(history::addStored);
        for (KeyRecords key : keys) {
            history.addFromBatch(new Sample(key.reading.currentTime(), key.reading.temperature()));
        }
        for (KeyRecords key : keys) {
            tally.readings++;
            boolean done = true;
            for (Alert alert : RuleEvaluator.evaluate(key.reading, history, thresholds)) {
                done &= raise(alert, tally);
            }
            if (!done) {
                failures.add(key);
            }
        }
    }

    /** Stores the alert once and publishes it unless it was published before; false when the record must retry. */
    private boolean raise(Alert alert, Tally tally) {
        long now = clock.instant().getEpochSecond();
        AlertStore.Stored stored;
        try {
            stored = dependencies.store().putIfAbsent(alert, now);
        } catch (RuntimeException e) {
            tally.storeFailures++;
            log.error("could not store an alert; its record will be retried", alertFields(alert, e));
            return false;
        }
        switch (stored.status()) {
            case NEW -> tally.raised(alert);
            case UNPUBLISHED, PUBLISHED -> tally.alreadyStored++;
        }
        if (stored.status() == AlertStore.Status.PUBLISHED) {
            return true;
        }
        try {
            dependencies.publisher().publish(alert, stored.raisedAt());
            tally.published++;
        } catch (RuntimeException e) {
            tally.publishFailures++;
            log.error("could not publish an alert; its record will be retried", alertFields(alert, e));
            return false;
        }
        try {
            dependencies.store().markPublished(alert);
        } catch (RuntimeException e) {
            // The message is out: retrying the record would only send it twice. A later replay may still do so.
            log.warn("alert published but not marked as published", alertFields(alert, e));
        }
        log.info("alert published", "sensorId", alert.reading().sensorId(), "rule", alert.rule().ruleName(),
                "currentTime", alert.reading().currentTime(), "temperature", alert.reading().temperature(),
                "threshold", alert.threshold(), "republished", stored.status() != AlertStore.Status.NEW);
        return true;
    }

    private static Object[] alertFields(Alert alert, RuntimeException e) {
        return new Object[] {"sensorId", alert.reading().sensorId(), "rule", alert.rule().ruleName(),
            "currentTime", alert.reading().currentTime(), "error", String.valueOf(e.getMessage())};
    }

    private static final class Failures {
        private final TreeSet<String> sequenceNumbers = new TreeSet<>(SequenceNumbers.NUMERIC_ORDER);
        private int unreportable;

        void add(KeyRecords key) {
            sequenceNumbers.addAll(key.sequenceNumbers);
            unreportable += key.withoutSequenceNumber;
        }

        int count() {
            return sequenceNumbers.size() + unreportable;
        }

        List<String> sorted() {
            return List.copyOf(sequenceNumbers);
        }
    }

    private static final class Tally {
        private int records;
        private int readings;
        private int ignored;
        private int notReadings;
        private int sensors;
        private int highTemperature;
        private int lowTemperature;
        private int risingFast;
        private int alreadyStored;
        private int published;
        private int publishFailures;
        private int storeFailures;
        private int historyQueries;
        private int historyReadings;
        private double readCapacity;
        private int readFailures;

        void raised(Alert alert) {
            switch (alert.rule()) {
                case HIGH_TEMPERATURE -> highTemperature++;
                case LOW_TEMPERATURE -> lowTemperature++;
                case RISING_FAST -> risingFast++;
            }
        }

        AlertMetrics metrics(int failed, long durationMs) {
            return new AlertMetrics(records, readings, ignored, notReadings, sensors, highTemperature,
                    lowTemperature, risingFast, alreadyStored, published, publishFailures, storeFailures,
                    historyQueries, historyReadings, readCapacity, readFailures, failed, durationMs);
        }
    }
}
