package dev.sensorpipeline.local.runner.failure;

import dev.sensorpipeline.local.runner.base.Console;
import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.stream.Collectors;

/**
 * Records a mapping gives up on, never silently: their document goes to the mapping's destination, and stderr
 * names every sequence number and where the document is. Without a destination (Lambda would drop them), the
 * runner warns so.
 */
public final class DiscardedRecords {

    private final FailureDestination destination;
    private final boolean hasDestination;
    private final Console console;

    public DiscardedRecords(FailureDestination destination, Console console) {
        this.destination = destination;
        this.hasDestination = !(destination instanceof DiscardFile);
        this.console = console;
    }

    public FailureDestination destination() {
        return destination;
    }

    /**
     * Delivers the batch's document, then says so.
     *
     * @throws FailureDeliveryException when the destination did not take it: the records are not done
     */
    public void discard(FailedBatch batch) {
        String where = destination.deliver(batch);
        String sequenceNumbers = batch.records().stream().map(StreamRecord::sequenceNumber)
                .collect(Collectors.joining(", "));
        int count = batch.approximateInvokeCount();
        console.warn("DISCARDED " + batch.describe() + " (" + batch.condition() + " after " + count
                + (count == 1 ? " invocation" : " invocations") + "): " + sequenceNumbers + ". "
                + (hasDestination ? "Their on-failure document went to " + destination.describe() + ": " + where
                : "The mapping has no OnFailure destination, so Lambda would drop them; they are listed in "
                + where));
    }
}
