package dev.sensorpipeline.producer;

import dev.sensorpipeline.model.ReadingCodec;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.producer.delivery.PutEntry;
import dev.sensorpipeline.producer.fleet.Fleet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The fleet's readings as entries to put, up to a limit: encoded with the codec the function decodes with, keyed
 * by the chosen mode. Random keys come from their own stream of the seed, so they are as reproducible as the
 * readings and do not change them.
 */
final class EntrySource implements Iterator<PutEntry> {

    private static final long RANDOM_KEY_STREAM = 0x6B6579L;

    private final Fleet fleet;
    private final ReadingCodec codec;
    private final PartitionKeyMode keyMode;
    private final long limit;
    private final SplittableRandom keyRandom;
    private long position;

    /** @param limit how many entries to yield; {@link Long#MAX_VALUE} for no end */
    EntrySource(Fleet fleet, ReadingCodec codec, PartitionKeyMode keyMode, long limit) {
        this.fleet = fleet;
        this.codec = codec;
        this.keyMode = keyMode;
        this.limit = limit;
        keyRandom = new SplittableRandom(fleet.spec().seed() ^ RANDOM_KEY_STREAM);
    }

    /** How many entries it yields in all; {@link Long#MAX_VALUE} for no end. */
    long limit() {
        return limit;
    }

    @Override
    public boolean hasNext() {
        return position < limit;
    }

    @Override
    public PutEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + limit + " readings taken");
        }
        SensorReading reading = fleet.next();
        return new PutEntry(position++, reading, partitionKey(reading), codec.encode(reading));
    }

    private String partitionKey(SensorReading reading) {
        return switch (keyMode) {
            case SENSOR -> reading.sensorId();
            case CONSTANT -> PartitionKeyMode.BOOK_KEY;
            case RANDOM -> String.format("%016x%016x", keyRandom.nextLong(), keyRandom.nextLong());
        };
    }
}
