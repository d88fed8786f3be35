package dev.sensorpipeline.producer.kinesis;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Builds the client the way the aws CLI finds its configuration: region from the settings (the command reads
 * {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}) or else the profile; credentials from the default chain,
 * for the named profile if any; endpoint from the settings, else {@code AWS_ENDPOINT_URL_KINESIS},
 * {@code AWS_ENDPOINT_URL} or the profile's {@code endpoint_url}, which the SDK reads itself.
 *
 * <p>It speaks JSON rather than CBOR unless {@code CBOR_ENABLED} or {@code aws.cborEnabled} says otherwise: local
 * endpoints such as moto speak only JSON, real Kinesis speaks both, and one wire format everywhere is one less
 * difference between a test and production.
 */
public final class DefaultKinesisConnector implements KinesisConnector {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A call, the SDK's own retries included, ends within this; so a Ctrl-C waits at most this long for the call in
     * flight before the summary (see {@code ProducerCommand}'s grace period, which must be longer).
     */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

    @Override
    public KinesisClient connect(AwsSettings settings) {
        preferJson();
        Region region = region(settings);
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder()
                .profileName(settings.profile())
                .build();
        checkCredentials(credentials, settings);
        KinesisClientBuilder builder = KinesisClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT));
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(CALL_TIMEOUT);
            if (settings.profile() != null) {
                // So that the profile's endpoint_url and retry settings apply too, not only its credentials.
                o.defaultProfileName(settings.profile());
            }
        });
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        return builder.build();
    }

    private static void preferJson() {
        if (System.getProperty(SdkSystemSetting.CBOR_ENABLED.property()) == null
                && System.getenv(SdkSystemSetting.CBOR_ENABLED.environmentVariable()) == null) {
            System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        }
    }

    private static Region region(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().strip());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw new AwsConfigurationException("no AWS region configured: set AWS_REGION (or AWS_DEFAULT_REGION), "
                    + "pass --region, or set region in the " + profileName(settings) + " profile", e);
        }
    }

    private static void checkCredentials(AwsCredentialsProvider credentials, AwsSettings settings) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new AwsConfigurationException("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
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
