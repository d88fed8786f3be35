package dev.sensorpipeline.ingest.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a set of writes.
 *
 * @param written   items DynamoDB confirmed
 * @param failed    items still not written when attempts or time ran out: their records must be retried
 * @param refused   items DynamoDB refuses on their own (a ValidationException for that one item): retrying cannot help
 * @param requests  BatchWriteItem calls made
 * @param retries   calls that had to be made again (throttled, failed, or answered with UnprocessedItems)
 * @param throttled calls answered with throttling
 * @param itemCollectionLimitExceeded items not written because their sensor's item collection is full (10 GB with
 *                  the local index): among {@code failed}, since the reading is valid and must be retried
 */
public record WriteResult(
        int written, List<PendingWrite> failed, List<Refused> refused, int requests, int retries, int throttled,
        int itemCollectionLimitExceeded) {

    /** An item DynamoDB refused, with DynamoDB's own words. */
    public record Refused(PendingWrite write, String message) {
    }

    public static final WriteResult NOTHING = new WriteResult(0, List.of(), List.of(), 0, 0, 0, 0);

    /** This result with {@code more} refused items besides its own. */
    public WriteResult plusRefused(List<Refused> more) {
        List<Refused> allRefused = new ArrayList<>(refused);
        allRefused.addAll(more);
        return new WriteResult(written, failed, List.copyOf(allRefused), requests, retries, throttled,
                itemCollectionLimitExceeded);
    }
}
