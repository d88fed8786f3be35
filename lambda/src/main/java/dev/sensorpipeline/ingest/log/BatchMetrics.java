package dev.sensorpipeline.ingest.log;

import dev.sensorpipeline.model.log.EmfDocument;
import java.time.Instant;
import java.util.Map;

/**
 * A batch's figures as a CloudWatch Embedded Metric Format document: the one log line per batch is also the
 * batch's metrics, so no PutMetricData call (nor its permission, nor its latency) is needed.
 *
 * @param records    records in the event
 * @param aggregated of which KPL aggregated records
 * @param readings   readings the records held, valid or not: a plain record is one, an aggregate holds many
 * @param stored     readings written to SensorData
 * @param rejected   rejects written: invalid readings, corrupt aggregates
 * @param duplicates readings collapsed into a later reading of the same key
 * @param retried    write requests that had to be sent again
 * @param throttled  write requests answered with throttling
 * @param failed     records reported to Lambda as batch item failures
 * @param durationMs time spent on the batch
 * @param itemCollectionLimitExceeded readings not written because their sensor's item collection is full (10 GB
 *                   with the local index); their records are among {@code failed}, and an alarm watches this
 */
public record BatchMetrics(
        int records, int aggregated, int readings, int stored, int rejected, int duplicates, int retried,
        int throttled, int failed, long durationMs, int itemCollectionLimitExceeded) {

    public static final String NAMESPACE = EmfDocument.NAMESPACE;

    /** Figures by name, every one 0 unless set: {@code BatchMetrics.builder().records(3).stored(2).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fields of the log line: the figures, the dimension, and the {@code _aws} metadata. */
    public Map<String, Object> toEmfFields(String functionName, Instant now) {
        return EmfDocument.create()
                .count("records", records)
                .count("aggregated", aggregated)
                .count("readings", readings)
                .count("stored", stored)
                .count("rejected", rejected)
                .count("duplicates", duplicates)
                .count("retried", retried)
                .count("throttled", throttled)
                .count("failed", failed)
                .metric("durationMs", durationMs, "Milliseconds")
                .count("itemCollectionLimitExceeded", itemCollectionLimitExceeded)
                .toFields(functionName, now);
    }

    /** Builds {@link BatchMetrics} by name, so that no figure lands in its neighbour's place. */
    public static final class Builder {

        private int records;
        private int aggregated;
        private int readings;
        private int stored;
        private int rejected;
        private int duplicates;
        private int retried;
        private int throttled;
        private int failed;
        private long durationMs;
        private int itemCollectionLimitExceeded;

        private Builder() {
        }

        public Builder records(int value) {
            records = value;
            return this;
        }

        public Builder aggregated(int value) {
            aggregated = value;
            return this;
        }

        public Builder readings(int value) {
            readings = value;
            return this;
        }

        public Builder stored(int value) {
            stored = value;
            return this;
        }

        public Builder rejected(int value) {
            rejected = value;
            return this;
        }

        public Builder duplicates(int value) {
            duplicates = value;
            return this;
        }

        public Builder retried(int value) {
            retried = value;
            return this;
        }

        public Builder throttled(int value) {
            throttled = value;
            return this;
        }

        public Builder failed(int value) {
            failed = value;
            return this;
        }

        public Builder durationMs(long value) {
            durationMs = value;
            return this;
        }

        public Builder itemCollectionLimitExceeded(int value) {
            itemCollectionLimitExceeded = value;
            return this;
        }

        public BatchMetrics build() {
            return new BatchMetrics(records, aggregated, readings, stored, rejected, duplicates, retried, throttled,
                    failed, durationMs, itemCollectionLimitExceeded);
        }
    }
}
