package dev.sensorpipeline.producer.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entries of one call, gathered in order until the next would break a limit.
 *
 * <p>Mutable while it is filled, one batch per call; not thread-safe.
 */
final class Batch {

    private final BatchLimits limits;
    private final List<Attempt> attempts = new ArrayList<>();
    private long bytes;

    Batch(BatchLimits limits) {
        this.limits = limits;
    }

    /** Adds the attempt if it fits; an entry never fits only after others, since no entry exceeds a batch. */
    boolean tryAdd(Attempt attempt) {
        int size = attempt.entry().size();
        if (attempts.size() >= limits.maxRecords() || bytes + size > limits.maxBytes()) {
            return false;
        }
        attempts.add(attempt);
        bytes += size;
        return true;
    }

    boolean isFull() {
        return attempts.size() >= limits.maxRecords();
    }

    boolean isEmpty() {
        return attempts.isEmpty();
    }

    int size() {
        return attempts.size();
    }

    long bytes() {
        return bytes;
    }

    List<Attempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }
}
