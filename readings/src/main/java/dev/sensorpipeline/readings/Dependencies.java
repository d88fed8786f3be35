package dev.sensorpipeline.readings;

import dev.sensorpipeline.readings.query.AwsSettings;
import dev.sensorpipeline.readings.query.DynamoDbConnector;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the command takes from the world, given once: how it connects to DynamoDB, the clock its progress lines
 * follow, the zone the PNG's time axis is drawn in.
 *
 * @param connector the client for a table's settings
 * @param nanoClock a monotonic clock, in nanoseconds
 * @param zone      the PNG's time zone
 */
record Dependencies(Function<AwsSettings, DynamoDbConnector.Connection> connector, LongSupplier nanoClock,
        TimeZone zone) {

    /** The real ones. */
    static Dependencies system() {
        DynamoDbConnector connector = new DynamoDbConnector();
        return new Dependencies(connector::connect, System::nanoTime, TimeZone.getDefault());
    }
}
