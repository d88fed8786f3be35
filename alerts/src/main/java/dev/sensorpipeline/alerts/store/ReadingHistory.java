package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Sample;
import java.util.List;

/** A sensor's stored readings over a range of time: what {@code rising-fast} measures a rise from. */
public interface ReadingHistory {

    /**
     * The readings of {@code sensorId} with a time from {@code from} to {@code to}, both included, every page.
     *
     * @throws RuntimeException when they cannot be read; the caller reports the sensor's records for retry
     */
    Result readings(String sensorId, long from, long to);

    /**
     * What one read found, and what it cost.
     *
     * @param samples       the readings, in time order
     * @param pages         requests made (one Query, paged)
     * @param capacityUnits read capacity consumed, as DynamoDB reports it
     */
    record Result(List<Sample> samples, int pages, double capacityUnits) {

        public Result {
            samples = List.copyOf(samples);
        }
    }
}
