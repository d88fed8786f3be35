package dev.sensorpipeline.ingest.batch;

import dev.sensorpipeline.ingest.log.BatchMetrics;
import java.util.List;

/**
 * The outcome of one batch.
 *
 * @param failedSequenceNumbers sequence numbers of records not yet stored, for Lambda to retry from the lowest
 * @param unreportableFailures  failed records with no sequence number (only in hand-made events), which only a
 *                              retry of the whole batch can bring back
 * @param metrics               the batch's figures
 */
public record BatchReport(List<String> failedSequenceNumbers, int unreportableFailures, BatchMetrics metrics) {
}
