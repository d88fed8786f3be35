package dev.sensorpipeline.producer.delivery;

import dev.sensorpipeline.model.SensorReading;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a run delivered, and what it did not.
 *
 * @param outcome          how the run ended
 * @param taken            readings taken from the fleet: the ones the run tried to deliver
 * @param accepted         readings the stream accepted
 * @param gaveUp           readings refused more than the allowed retries
 * @param pending          readings refused and awaiting a retry when the run stopped or failed, plus those of a
 *                         call that failed outright; none of them reached the stream
 * @param retried          records sent again after a refusal
 * @param calls            calls made
 * @param refusalsByCode   refusals counted by error code
 * @param shards           the shards that accepted at least one reading
 * @param firstNotDelivered the earliest reading not delivered, or {@code null}
 * @param failure          why the run failed, or {@code null} unless the outcome is {@link Outcome#FAILED}
 * @param elapsed          from the first call's preparation to the last answer
 * @param records          the records the stream accepted: as many as the readings, unless they were aggregated
 */
public record DeliveryReport(Outcome outcome, long taken, long accepted, long gaveUp, long pending, long retried,
                             long calls, Map<String, Long> refusalsByCode, Set<String> shards,
                             SensorReading firstNotDelivered, SinkFailure failure, Duration elapsed,
                             Records records) {

    /**
     * The records a stream accepted.
     *
     * @param count        records
     * @param bytes        their data and partition keys
     * @param payloadUnits their PUT payload units (see {@link PayloadUnits})
     */
    public record Records(long count, long bytes, long payloadUnits) {

        public static final Records NONE = new Records(0, 0, 0);
    }

    /** How a run ended. */
    public enum Outcome {
        /** Every reading was taken and answered for: accepted, or given up after the last retry. */
        COMPLETE,
        /** Asked to stop: the call in flight finished, nothing more was sent. */
        STOPPED,
        /** A call failed in a way retrying cannot help. */
        FAILED
    }

    public DeliveryReport {
        Objects.requireNonNull(outcome, "outcome");
        refusalsByCode = Map.copyOf(refusalsByCode);
        shards = Set.copyOf(shards);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(records, "records");
    }

    /** Readings taken but not in the stream: given up, or still pending when the run ended. */
    public long notDelivered() {
        return gaveUp + pending;
    }

    public boolean allDelivered() {
        return outcome == Outcome.COMPLETE && notDelivered() == 0;
    }

    /** Accepted readings per second of the run. */
    public double acceptedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? accepted / seconds : 0;
    }
}
