package dev.sensorpipeline.testkit;

import java.net.URI;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * SDK clients like {@link LocalAws}'s but without retries, so every fault the proxy injects reaches the test as the
 * SDK reports it, instead of being hidden behind a backoff.
 */
final class NoRetryClients {

    private NoRetryClients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return LocalAws.configure(DynamoDbClient.builder(), endpoint)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static KinesisClient kinesis(URI endpoint) {
        // As LocalAws does: moto speaks JSON only, and so does the proxy.
        return LocalAws.configure(LocalAws.kinesisBuilder(), endpoint)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
