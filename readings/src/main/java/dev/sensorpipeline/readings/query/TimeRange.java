package dev.sensorpipeline.readings.query;

/**
 * The readings wanted: {@code from <= CurrentTime <= to}, in Unix seconds, either bound optional.
 *
 * @param from the earliest time, or {@code null} for no lower bound
 * @param to   the latest time, or {@code null} for no upper bound
 */
public record TimeRange(Long from, Long to) {

    /** Every reading. */
    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("--from (" + from + ") is after --to (" + to + ")");
        }
    }

    /** Whether {@code epochSecond} lies in the range. */
    public boolean contains(long epochSecond) {
        return (from == null || epochSecond >= from) && (to == null || epochSecond <= to);
    }

    /** Whether both bounds are open. */
    public boolean isAll() {
        return from == null && to == null;
    }
}
