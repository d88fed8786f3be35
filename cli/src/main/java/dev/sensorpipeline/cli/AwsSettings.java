package dev.sensorpipeline.cli;

import java.net.URI;

/**
 * Where an AWS service is and who we are, as given on a command line. Unset parts come from where the aws CLI
 * looks: {@code AWS_ENDPOINT_URL_<SERVICE>} and {@code AWS_ENDPOINT_URL}, the profile, the default credentials chain.
 *
 * @param region      the region, or {@code null} to ask the SDK's region chain
 * @param profile     the named profile, or {@code null} for {@code AWS_PROFILE} or {@code default}
 * @param endpointUrl an endpoint override, or {@code null} to let the SDK decide
 */
public record AwsSettings(String region, String profile, URI endpointUrl) {

    /** Nothing given: every part as the SDK finds it. */
    public static AwsSettings fromEnvironment() {
        return new AwsSettings(null, null, null);
    }
}
