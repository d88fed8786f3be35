package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Alert;

/**
 * {@code SensorAlerts}: the one record of each alert, and of whether it was published. A conditional write decides
 * which invocation raises an alert, however often Lambda replays the batch.
 */
public interface AlertStore {

    /** What {@link #putIfAbsent} found. */
    enum Status {
        /** The alert was not there; it is now, not yet published. */
        NEW,
        /** It was there, but its publish has not been confirmed: publish it again. */
        UNPUBLISHED,
        /** It was there and published: nothing to do. */
        PUBLISHED
    }

    /**
     * The alert as stored.
     *
     * @param status   what the write found
     * @param raisedAt when the alert was first stored, Unix seconds: this call's time for a new one
     */
    record Stored(Status status, long raisedAt) {
    }

    /** Stores the alert with {@code Published} false unless it is there already. */
    Stored putIfAbsent(Alert alert, long raisedAt);

    /** Records that the alert was published. */
    void markPublished(Alert alert);
}
