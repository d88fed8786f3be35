package dev.sensorpipeline.alerts.batch;

import java.util.List;

/**
 * What became of a batch.
 *
 * @param failedSequenceNumbers the {@code dynamodb.SequenceNumber} of every record to retry, in ascending order
 * @param unreportableFailures  records to retry that have no sequence number (only a malformed event has them)
 * @param metrics               the batch's figures
 */
public record BatchReport(List<String> failedSequenceNumbers, int unreportableFailures, AlertMetrics metrics) {

    public BatchReport {
        failedSequenceNumbers = List.copyOf(failedSequenceNumbers);
    }
}
