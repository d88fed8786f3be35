package dev.sensorpipeline.producer;

/**
 * How readings are given partition keys, which decide their shards: the chapter's homework on partitioning.
 */
public enum PartitionKeyMode {

    /** The sensor's id: a sensor's readings stay in order on one shard, and the fleet spreads over all of them. */
    SENSOR,
    /** A fresh random key per reading: the most even spread, and no order at all between a sensor's readings. */
    RANDOM,
    /** The book's {@code sensor-data} for every reading: all on one shard, whatever the stream's size. */
    CONSTANT;

    /** The book's partition key. */
    public static final String BOOK_KEY = "sensor-data";
}
