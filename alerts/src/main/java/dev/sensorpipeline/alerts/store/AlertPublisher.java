package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Alert;

/** The {@code sensor-alerts} topic. */
public interface AlertPublisher {

    /**
     * Publishes the alert.
     *
     * @throws RuntimeException when it was not published; the caller reports the reading's record for retry
     */
    void publish(Alert alert, long raisedAt);
}
