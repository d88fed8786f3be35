package dev.sensorpipeline.testkit;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static KinesisClient kinesis(URI endpoint) {
        // As LocalAws does: moto speaks JSON only, and so does the proxy.
        System.setProperty("aws.cborEnabled", "false");
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
