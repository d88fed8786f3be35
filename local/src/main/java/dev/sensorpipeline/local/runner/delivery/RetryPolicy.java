package dev.sensorpipeline.local.runner.delivery;

import java.util.List;

/**
 * The event source mapping's error handling: what follows an invocation's outcome.
 *
 * <ul>
 *   <li>Success: the segment is done.</li>
 *   <li>Partial failure: the records before the lowest reported one are done; the rest are sent again.</li>
 *   <li>Failure: with {@code BisectBatchOnFunctionError}, a segment of more than one record is split in two and each
 *       half is sent; otherwise the same records are sent again.</li>
 * </ul>
 *
 * <p>A retry is counted each time the same records are sent again; a split sends fewer, so it is not counted, and a
 * single bad record can always be isolated before {@code MaximumRetryAttempts} runs out (Lambda does not document
 * how it counts splits). When the retries run out (-1: never), the records are discarded.
 *
 * @param maximumRetryAttempts -1: unlimited
 */
public record RetryPolicy(boolean bisectOnError, int maximumRetryAttempts) {

    public Step next(Segment segment, BatchOutcome outcome) {
        if (outcome instanceof BatchOutcome.Success) {
            return new Step(segment.size(), segment.last().sequenceNumber(), List.of(), List.of());
        }
        if (outcome instanceof BatchOutcome.PartialFailure partial) {
            return afterPartialFailure(segment, partial.lowestSequenceNumber());
        }
        return afterFailure(segment);
    }

    public boolean exhausted(Segment segment) {
        return maximumRetryAttempts >= 0 && segment.retries() > maximumRetryAttempts;
    }

    private Step afterPartialFailure(Segment segment, String lowestFailed) {
        int failedFrom = segment.indexOf(lowestFailed);
        if (failedFrom < 0) {
            throw new IllegalArgumentException(lowestFailed + " is not in the segment");
        }
        String done = failedFrom == 0 ? null : segment.records().get(failedFrom - 1).sequenceNumber();
        Segment rest = segment.retriedFrom(failedFrom);
        if (exhausted(rest)) {
            return new Step(failedFrom, rest.last().sequenceNumber(), rest.records(), List.of());
        }
        return new Step(failedFrom, done, List.of(), List.of(rest));
    }

    private Step afterFailure(Segment segment) {
        if (bisectOnError && segment.size() > 1) {
            return new Step(0, null, List.of(), segment.halves());
        }
        Segment again = segment.retriedFrom(0);
        if (exhausted(again)) {
            return new Step(0, again.last().sequenceNumber(), again.records(), List.of());
        }
        return new Step(0, null, List.of(), List.of(again));
    }
}
