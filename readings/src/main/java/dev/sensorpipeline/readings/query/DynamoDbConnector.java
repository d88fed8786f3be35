package dev.sensorpipeline.readings.query;

import dev.sensorpipeline.cli.AwsSettings;
import dev.sensorpipeline.cli.SdkClients;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client as the aws CLI finds its configuration ({@link SdkClients}), the endpoint also from
 * {@code AWS_ENDPOINT_URL_DYNAMODB}. DynamoDB speaks JSON only, so there is no CBOR to turn off.
 */
public final class DynamoDbConnector {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** A client, and where it points, for messages. */
    public record Connection(DynamoDbClient client, String where) {
    }

    /**
     * The client for {@code settings}.
     *
     * @throws dev.sensorpipeline.cli.AwsConfigurationException when no region or credentials can be found
     */
    public Connection connect(AwsSettings settings) {
        DynamoDbClient client = SdkClients.build(DynamoDbClient.builder(), settings, CALL_TIMEOUT);
        String endpoint = Objects.requireNonNullElse(
                SdkClients.endpoint(settings, System::getenv, "AWS_ENDPOINT_URL_DYNAMODB"), "AWS");
        return new Connection(client, endpoint + " (" + client.serviceClientConfiguration().region().id() + ")");
    }
}
