package dev.sensorpipeline.local.replay;

import java.util.List;

/** Where the failure documents wait: the mapping's on-failure destination. */
public interface FailureStore {

    /** Where, for messages: {@code s3://bucket/aws/lambda/} or the queue's ARN. */
    String describe();

    /** Every document waiting for a replay. A {@link StoreUnavailableException} when the store cannot be read. */
    List<StoredDocument> pending();

    /**
     * A document's bytes, read when its turn comes: a bucket after a long outage may hold thousands of documents of
     * up to 6 MB each, more than a JVM holds at once.
     */
    byte[] read(StoredDocument document);

    /** A document whose records are all stored or rejected: kept apart for audit, never replayed again. */
    void markReplayed(StoredDocument document);

    /** A document left as it was (still failing, or a dry run): back to waiting. */
    void release(StoredDocument document);
}
