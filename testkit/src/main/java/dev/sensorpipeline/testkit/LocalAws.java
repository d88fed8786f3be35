package dev.sensorpipeline.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/** SDK clients and environment variables for a local endpoint, with dummy credentials. */
public final class LocalAws {

    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY_ID = "testing";
    public static final String SECRET_ACCESS_KEY = "testing";

    private LocalAws() {
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** What a child process (the aws CLI, a jar) needs to talk to {@code endpoint}. */
    public static Map<String, String> environment(URI endpoint) {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_REGION", REGION.id(),
                "AWS_DEFAULT_REGION", REGION.id(),
                "CBOR_ENABLED", "false",
                "AWS_PAGER", "");
    }

    /**
     * {@code builder} pointed at {@code endpoint}, with the dummy credentials and the small HTTP client: the base of
     * every local client, to which a test adds what it needs (an interceptor, no retries) before it builds.
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build());
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return configure(DynamoDbClient.builder(), endpoint).build();
    }

    /** A Kinesis client speaking JSON: moto does not speak CBOR. */
    public static KinesisClient kinesis(URI endpoint) {
        return configure(kinesisBuilder(), endpoint).build();
    }

    /** A Kinesis client builder speaking JSON, for {@link #configure}: moto does not speak CBOR. */
    public static KinesisClientBuilder kinesisBuilder() {
        System.setProperty("aws.cborEnabled", "false");
        return KinesisClient.builder();
    }
}
