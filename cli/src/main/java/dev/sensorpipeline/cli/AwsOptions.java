package dev.sensorpipeline.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * {@code --region}, {@code --profile} and {@code --endpoint-url}, as every tool takes them and as the aws CLI reads
 * them: a picocli mixin. What is not given comes from where the SDK looks ({@link SdkClients}).
 */
public final class AwsOptions {

    @Option(order = -83, names = "--region", paramLabel = "REGION",
            defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION}}",
            description = "The region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's).")
    private String region;

    @Option(order = -82, names = "--profile", paramLabel = "NAME",
            description = "A named profile of ~/.aws/config (default: AWS_PROFILE, else default).")
    private String profile;

    @Option(order = -81, names = "--endpoint-url", paramLabel = "URL",
            description = "The service's endpoint, such as http://127.0.0.1:5000 (default: AWS_ENDPOINT_URL_KINESIS "
                    + "or AWS_ENDPOINT_URL_DYNAMODB as the tool needs, AWS_ENDPOINT_URL, the profile's endpoint_url, "
                    + "else AWS).")
    private URI endpointUrl;

    /** What the options give; unset parts are {@code null}. */
    public AwsSettings settings() {
        return new AwsSettings(region, profile, endpointUrl);
    }
}
