package dev.sensorpipeline.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds a tool's SDK client the way the aws CLI finds its configuration: region from the settings (the commands
 * read {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}) or else the profile; credentials from the default chain,
 * for the named profile if any, checked before the first call so that their absence is one clear line rather than a
 * failed request; endpoint from the settings, else {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL} or
 * the profile's {@code endpoint_url}, which the SDK reads itself. One small HTTP client, bounded in time.
 */
public final class SdkClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private SdkClients() {
    }

    /**
     * The client {@code builder} makes for {@code settings}, each call (the SDK's own retries included) ending
     * within {@code callTimeout}.
     *
     * @throws AwsConfigurationException when no region or no credentials can be found, naming the fix
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
            AwsSettings settings, Duration callTimeout) {
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder()
                .profileName(settings.profile())
                .build();
        Region region = region(settings);
        checkCredentials(credentials, settings);
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT));
        builder.overrideConfiguration(o -> {
            o.apiCallTimeout(callTimeout);
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

    /**
     * JSON rather than CBOR, unless {@code CBOR_ENABLED} or {@code aws.cborEnabled} says otherwise: local endpoints
     * such as moto speak only JSON, real Kinesis speaks both, and one wire format everywhere is one less difference
     * between a test and production. Call it before the first client is built.
     */
    public static void preferJson() {
        if (System.getProperty(SdkSystemSetting.CBOR_ENABLED.property()) == null
                && System.getenv(SdkSystemSetting.CBOR_ENABLED.environmentVariable()) == null) {
            System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        }
    }

    /**
     * Where a client for {@code settings} points, for messages: the override, else the first of the service's
     * endpoint variable and {@code AWS_ENDPOINT_URL} that is set, else {@code null} (AWS itself).
     *
     * @param environment     the process's environment, as {@code System::getenv}
     * @param serviceVariable the service's own endpoint variable, such as {@code AWS_ENDPOINT_URL_DYNAMODB}
     */
    public static String endpoint(AwsSettings settings, Function<String, String> environment,
            String serviceVariable) {
        if (settings.endpointUrl() != null) {
            return settings.endpointUrl().toString();
        }
        for (String variable : List.of(serviceVariable, "AWS_ENDPOINT_URL")) {
            String value = environment.apply(variable);
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
