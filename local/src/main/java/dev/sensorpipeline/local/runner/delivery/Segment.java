package dev.sensorpipeline.local.runner.delivery;

import dev.sensorpipeline.local.runner.stream.StreamRecord;
import java.util.List;

/**
 * Consecutive records of one shard on their way to the function, and how many times these same records have been
 * sent again after a failure.
 */
public record Segment(List<StreamRecord> records, int retries) {

    public Segment {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        records = List.copyOf(records);
    }

    public static Segment of(List<StreamRecord> records) {
        return new Segment(records, 0);
    }

    public int size() {
        return records.size();
    }

    public StreamRecord first() {
        return records.get(0);
    }

    public StreamRecord last() {
        return records.get(records.size() - 1);
    }

    /** The position of the record with this sequence number, or -1. */
    public int indexOf(String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** The records from {@code index} on, counted as sent once more. */
    public Segment retriedFrom(int index) {
        return new Segment(records.subList(index, records.size()), retries + 1);
    }

    /** The two halves (the first one larger when odd), each sent for the first time at this size. */
    public List<Segment> halves() {
        int middle = (records.size() + 1) / 2;
        return List.of(new Segment(records.subList(0, middle), retries),
                new Segment(records.subList(middle, records.size()), retries));
    }

    /** "3 records, sequence numbers 5..7". */
    public String describe() {
        return StreamRecord.describe(records);
    }
}
