package dev.sensorpipeline.producer.kinesis;

import java.util.Objects;

/**
 * The stream a run writes to, and how to name where it is in a message.
 *
 * @param streamName the stream's name
 * @param region     its region
 * @param endpoint   a description of the endpoint, such as {@code http://127.0.0.1:5000}, or {@code null} for AWS's
 *                   own
 */
public record StreamTarget(String streamName, String region, String endpoint) {

    public StreamTarget {
        Objects.requireNonNull(streamName, "streamName");
    }

    /** "in us-east-1 at http://127.0.0.1:5000", for messages. */
    public String where() {
        String place = region != null ? "in " + region : "in the configured region";
        return endpoint != null ? place + " at " + endpoint : place;
    }
}
