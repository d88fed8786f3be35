package dev.sensorpipeline.producer.kinesis;

import java.net.URI;
import java.util.Objects;

/**
 * Where the stream is and who we are, as the aws CLI would work them out. Unset parts come from the SDK's usual
 * places: {@code AWS_ENDPOINT_URL}, the profile, the default credentials chain.
 *
 * @param streamName  the stream to write to
 * @param region      the region, or {@code null} to ask the SDK's region chain
 * @param profile     the named profile, or {@code null} for {@code AWS_PROFILE} or {@code default}
 * @param endpointUrl an endpoint override, or {@code null} to let the SDK decide
 */
public record AwsSettings(String streamName, String region, String profile, URI endpointUrl) {

    public AwsSettings {
        Objects.requireNonNull(streamName, "streamName");
    }
}
