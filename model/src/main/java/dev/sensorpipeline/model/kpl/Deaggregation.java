package dev.sensorpipeline.model.kpl;

import java.util.List;

/**
 * What the decoder made of a record that starts with the KPL magic bytes: its user records, or the reason it can
 * never give them.
 */
public sealed interface Deaggregation permits Deaggregation.Deaggregated, Deaggregation.Corrupt {

    /**
     * The record is a well-formed aggregate.
     *
     * @param userRecords its user records in their order, at least one; a user record's index in this list is its
     *                    sub-sequence number, as the KCL calls it
     */
    record Deaggregated(List<UserRecord> userRecords) implements Deaggregation {

        public Deaggregated {
            userRecords = List.copyOf(userRecords);
        }
    }

    /**
     * The record starts with the magic bytes but is not a well-formed aggregate.
     *
     * @param reason what is wrong and where, such as {@code MD5 mismatch} or {@code truncated: ...}, with byte offsets
     *               counted from the start of the record, magic included
     */
    record Corrupt(String reason) implements Deaggregation {
    }
}
