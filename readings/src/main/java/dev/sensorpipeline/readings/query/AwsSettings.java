package dev.sensorpipeline.readings.query;

import java.net.URI;
import java.util.Objects;

/**
 * Where the table is and who we are, as the aws CLI would work them out. Unset parts come from the SDK's usual
 * places: {@code AWS_ENDPOINT_URL}, the profile, the default credentials chain.
 *
 * @param tableName   the readings table
 * @param region      the region, or {@code null} to ask the SDK's region chain
 * @param profile     the named profile, or {@code null} for {@code AWS_PROFILE} or {@code default}
 * @param endpointUrl an endpoint override, or {@code null} to let the SDK decide
 */
public record AwsSettings(String tableName, String region, String profile, URI endpointUrl) {

    public AwsSettings {
        Objects.requireNonNull(tableName, "tableName");
    }
}
