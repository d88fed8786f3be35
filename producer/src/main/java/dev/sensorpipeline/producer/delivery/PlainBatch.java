package dev.sensorpipeline.producer.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entries of one call, one record per reading, gathered in order until the next would break a limit.
 *
 * <p>Mutable while it is filled, one batch per call; not thread-safe.
 */
final class PlainBatch implements Batch {

    private final BatchLimits limits;
    private final List<Attempt> attempts = new ArrayList<>();
    private long bytes;

    PlainBatch(BatchLimits limits) {
        this.limits = limits;
    }

    /** Adds the attempt if it fits; an entry never fits only after others, since no entry exceeds a batch. */
    @Override
    public boolean tryAdd(Attempt attempt) {
        int size = attempt.entry().size();
        if (attempts.size() >= limits.maxRecords() || bytes + size > limits.maxBytes()) {
            return false;
        }
        attempts.add(attempt);
        bytes += size;
        return true;
    }

    /** A reading is a record of its own. */
    @Override
    public boolean tryAddReading(PutEntry reading) {
        return tryAdd(Attempt.first(reading));
    }

    @Override
    public boolean isFull() {
        return attempts.size() >= limits.maxRecords();
    }

    @Override
    public boolean isEmpty() {
        return attempts.isEmpty();
    }

    @Override
    public int size() {
        return attempts.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public List<Attempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }
}
