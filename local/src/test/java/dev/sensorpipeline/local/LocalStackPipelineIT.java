package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real pipeline on LocalStack, where a Docker engine is: deploy.sh makes everything there, LocalStack's own
 * event source mapping invokes the function in its real Java runtime, the producer pumps readings, and every one
 * is read back. Without Docker the class is skipped, and JUnit says so ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineIT {

    private static final int READINGS = 500;

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.KINESIS,
                    LocalStackContainer.Service.LAMBDA, LocalStackContainer.Service.IAM,
                    LocalStackContainer.Service.STS);

    private static Map<String, String> localStackEnv() {
        return Map.of(
                "AWS_ENDPOINT_URL", LOCALSTACK.getEndpoint().toString(),
                "AWS_REGION", LOCALSTACK.getRegion(),
                "AWS_DEFAULT_REGION", LOCALSTACK.getRegion(),
                "AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey(),
                "AWS_PAGER", "");
    }

    private static void run(List<String> command) throws Exception {
        Path output = Files.createTempFile("localstack-it-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(localStackEnv());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();
    }

    @Test
    void pipeline_storesEveryProducedReading_throughLocalStacksOwnLambdaRuntime() throws Exception {
        // given
        run(List.of("bash", "scripts/deploy.sh"));

        // when
        run(List.of("java", "-jar", "producer/target/sensor-producer.jar", "--sensors", "5", "--count",
                Integer.toString(READINGS), "--seed", "3", "--rate", "0", "--progress", "never"));

        // then
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            int stored = 0;
            while (Instant.now().isBefore(deadline) && stored < READINGS) {
                stored = dynamoDb.scan(r -> r.tableName("SensorData").select("COUNT")).count();
                if (stored < READINGS) {
                    Thread.sleep(1000);
                }
            }
            assertThat(stored).isEqualTo(READINGS);
        }
    }
}
