package dev.sensorpipeline.model.event;

import java.util.Objects;

/**
 * What Lambda names in every record of a Kinesis event: the stream, its region, and the role the event source
 * mapping invokes the function with.
 *
 * @param streamArn the stream's ARN, the record's {@code eventSourceARN}
 * @param awsRegion the stream's region, the record's {@code awsRegion}
 * @param invokeIdentityArn the function's execution role, the record's {@code invokeIdentityArn}
 */
public record EventSource(String streamArn, String awsRegion, String invokeIdentityArn) {

    /** The documentation account, for events that never came from a real one. */
    public static final String EXAMPLE_ACCOUNT = "123456789012";

    /** The role {@code infra/} gives the function, in the documentation account. */
    public static final String EXAMPLE_ROLE_ARN = "arn:aws:iam::" + EXAMPLE_ACCOUNT + ":role/sensor-ingest-role";

    public EventSource {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(invokeIdentityArn, "invokeIdentityArn");
    }

    /** A stream of the documentation account, read with the function's role: for events made up offline. */
    public static EventSource example(String region, String streamName) {
        return new EventSource("arn:aws:kinesis:" + region + ":" + EXAMPLE_ACCOUNT + ":stream/" + streamName, region,
                EXAMPLE_ROLE_ARN);
    }

    /** The project's stream, {@code temperature-sensor-data} in us-east-1, as the test payloads name it. */
    public static EventSource example() {
        return example("us-east-1", "temperature-sensor-data");
    }
}
