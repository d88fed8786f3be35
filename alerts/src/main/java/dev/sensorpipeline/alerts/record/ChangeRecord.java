package dev.sensorpipeline.alerts.record;

import dev.sensorpipeline.model.SensorReading;
import java.util.Optional;

/**
 * One record of SensorData's stream, as the batch sees it: its sequence number (what {@code batchItemFailures}
 * names) and the reading its new image holds, or why there is none to evaluate.
 *
 * @param eventId        the record's {@code eventID}, for the logs
 * @param sequenceNumber {@code dynamodb.SequenceNumber}; null only in a malformed event
 * @param kind           whether it holds a reading
 * @param reading        the reading, when {@code kind} is {@link Kind#READING}
 * @param detail         for the others, what it is or what is wrong with its image
 */
public record ChangeRecord(String eventId, String sequenceNumber, Kind kind, Optional<SensorReading> reading,
                           String detail) {

    /** What a stream record holds, for the rules. */
    public enum Kind {
        /** An INSERT or MODIFY whose new image is a reading. */
        READING,
        /** A REMOVE (a TTL deletion, say), or a record without a new image: nothing to evaluate. */
        IGNORED,
        /** A new image that is not a reading: logged and skipped, as rejecting it is the ingest function's job. */
        NOT_A_READING
    }

    /** A record holding a reading. */
    public static ChangeRecord reading(String eventId, String sequenceNumber, SensorReading reading) {
        return new ChangeRecord(eventId, sequenceNumber, Kind.READING, Optional.of(reading), "");
    }

    /** A record with nothing to evaluate. */
    public static ChangeRecord ignored(String eventId, String sequenceNumber, String why) {
        return new ChangeRecord(eventId, sequenceNumber, Kind.IGNORED, Optional.empty(), why);
    }

    /** A record whose new image is not a reading. */
    public static ChangeRecord notAReading(String eventId, String sequenceNumber, String problem) {
        return new ChangeRecord(eventId, sequenceNumber, Kind.NOT_A_READING, Optional.empty(), problem);
    }
}
