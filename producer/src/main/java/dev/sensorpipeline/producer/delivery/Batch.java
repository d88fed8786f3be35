package dev.sensorpipeline.producer.delivery;

import java.util.List;

/**
 * The records of one call, gathered until the next would break one of the call's limits: fresh readings as they
 * come due, after any refused records sent again. One batch per call; not thread-safe.
 */
interface Batch {

    /** Adds a record as it is, such as a refused one sent again, if it fits. */
    boolean tryAdd(Attempt attempt);

    /**
     * Adds a fresh reading, as a record of its own or packed with others, if it fits.
     *
     * @return {@code false} when the call is full for it: it goes in the next one
     */
    boolean tryAddReading(PutEntry reading);

    /** Whether no reading can be added, whatever it is. */
    boolean isFull();

    boolean isEmpty();

    /** Records so far. */
    int size();

    /** Bytes so far, data and partition keys, as PutRecords counts them. */
    long bytes();

    /** The call's records, in order; once asked for, the batch takes nothing more. */
    List<Attempt> attempts();
}
