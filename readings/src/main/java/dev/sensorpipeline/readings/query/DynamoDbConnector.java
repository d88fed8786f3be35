package dev.sensorpipeline.readings.query;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client the way the aws CLI finds its configuration, as the producer builds its Kinesis one:
 * region from the settings (the command reads {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}) or else the
 * profile; credentials from the default chain, for the named profile if any; endpoint from the settings, else
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL} or the profile's {@code endpoint_url}, which the SDK
 * reads itself. DynamoDB speaks JSON only, so there is no CBOR to turn off.
 */
public final class DynamoDbConnector {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** A client, and where it points, for messages. */
    public record Connection(DynamoDbClient client, String where) {
    }

    /** The client for {@code settings}; a missing region or credentials fail with a message naming the fix. */
    public Connection connect(AwsSettings settings) {
        Region region = region(settings);
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder()
                .profileName(settings.profile())
                .build();
        checkCredentials(credentials, settings);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT));
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(CALL_TIMEOUT);
            if (settings.profile() != null) {
                o.defaultProfileName(settings.profile());
            }
        });
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        String endpoint = settings.endpointUrl() != null ? settings.endpointUrl().toString()
                : firstSet(System.getenv("AWS_ENDPOINT_URL_DYNAMODB"), System.getenv("AWS_ENDPOINT_URL"),
                        "AWS");
        return new Connection(builder.build(), endpoint + " (" + region.id() + ")");
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Region region(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().strip());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw new TableUnavailableException("no AWS region configured: set AWS_REGION (or AWS_DEFAULT_REGION), "
                    + "pass --region, or set region in the " + profileName(settings) + " profile", e);
        }
    }

    private static void checkCredentials(AwsCredentialsProvider credentials, AwsSettings settings) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new TableUnavailableException("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or choose a profile with AWS_PROFILE or --profile (now: "
                    + profileName(settings) + "), or run 'aws configure'", e);
        }
    }

    private static String profileName(AwsSettings settings) {
        if (settings.profile() != null) {
            return "'" + settings.profile() + "'";
        }
        String fromEnvironment = System.getenv("AWS_PROFILE");
        return fromEnvironment != null ? "'" + fromEnvironment + "'" : "'default'";
    }
}
