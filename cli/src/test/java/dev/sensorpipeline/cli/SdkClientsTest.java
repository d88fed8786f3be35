package dev.sensorpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class SdkClientsTest {

    private static final AwsSettings NOTHING_GIVEN = AwsSettings.fromEnvironment();

    @Test
    void anEndpointOverrideIsWhereTheClientPoints() {
        // given
        AwsSettings settings = new AwsSettings(null, null, URI.create("http://127.0.0.1:5000"));
        // when
        String endpoint = SdkClients.endpoint(settings, Map.of("AWS_ENDPOINT_URL", "http://elsewhere:1")::get,
                "AWS_ENDPOINT_URL_DYNAMODB");
        // then
        assertThat(endpoint).isEqualTo("http://127.0.0.1:5000");
    }

    @Test
    void theServicesOwnEndpointVariableComesBeforeTheSharedOne() {
        // given
        Map<String, String> environment = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://dynamodb:8000",
                "AWS_ENDPOINT_URL", "http://shared:5000");
        // when
        String endpoint = SdkClients.endpoint(NOTHING_GIVEN, environment::get, "AWS_ENDPOINT_URL_DYNAMODB");
        // then
        assertThat(endpoint).isEqualTo("http://dynamodb:8000");
    }

    @Test
    void aBlankServiceVariableFallsBackToTheSharedOne() {
        // given
        Map<String, String> environment = Map.of("AWS_ENDPOINT_URL_KINESIS", " ", "AWS_ENDPOINT_URL",
                "http://shared:5000");
        // when
        String endpoint = SdkClients.endpoint(NOTHING_GIVEN, environment::get, "AWS_ENDPOINT_URL_KINESIS");
        // then
        assertThat(endpoint).isEqualTo("http://shared:5000");
    }

    @Test
    void noEndpointAnywhereMeansAwsItself() {
        // when
        String endpoint = SdkClients.endpoint(NOTHING_GIVEN, Map.<String, String>of()::get,
                "AWS_ENDPOINT_URL_KINESIS");
        // then
        assertThat(endpoint).isNull();
    }

    @Test
    void aClientIsBuiltForTheGivenRegionAndEndpoint() {
        // given credentials the default chain finds first, in system properties
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "example-secret");
        try {
            AwsSettings settings = new AwsSettings(" eu-west-1 ", null, URI.create("http://127.0.0.1:5000"));
            // when
            try (DynamoDbClient client = SdkClients.build(DynamoDbClient.builder(), settings,
                    Duration.ofSeconds(5))) {
                // then
                assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
                assertThat(client.serviceClientConfiguration().endpointOverride())
                        .contains(URI.create("http://127.0.0.1:5000"));
                assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                        .contains(Duration.ofSeconds(5));
            }
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
