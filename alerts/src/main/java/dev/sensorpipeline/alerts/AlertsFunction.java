package dev.sensorpipeline.alerts;

import dev.sensorpipeline.alerts.batch.AlertBatchProcessor;
import dev.sensorpipeline.alerts.config.AlertsConfig;
import dev.sensorpipeline.alerts.store.CachedRuleOverrides;
import dev.sensorpipeline.alerts.store.DynamoDbAlertStore;
import dev.sensorpipeline.alerts.store.DynamoDbReadingHistory;
import dev.sensorpipeline.alerts.store.DynamoDbRuleOverrides;
import dev.sensorpipeline.alerts.store.RuleOverrides;
import dev.sensorpipeline.alerts.store.SnsAlertPublisher;
import dev.sensorpipeline.model.log.JsonLogger;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The function's parts, wired once per container: the composition root. Tests wire their own through
 * {@link #fromEnvironment(Map, Consumer, Consumer)} (a local endpoint, dummy credentials) or
 * {@link #create(AlertsConfig, AlertBatchProcessor.Dependencies, RuleOverrides, Clock)} (fakes).
 *
 * @param config    the settings
 * @param processor the batch processor
 * @param primer    what SnapStart priming runs, over the same parts
 */
public record AlertsFunction(AlertsConfig config, AlertBatchProcessor processor, AlertsPrimer primer) {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Reads the settings and builds the DynamoDB and SNS clients. The endpoint comes from {@code AWS_ENDPOINT_URL}
     * (or {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_SNS}) when set and credentials from the
     * default chain, as in every AWS SDK and as for the ingest function; the region is given explicitly.
     */
    public static AlertsFunction fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, builder -> { }, builder -> { });
    }

    /** As {@link #fromEnvironment(Map)}, with a last say on each client: tests point them at a local endpoint. */
    public static AlertsFunction fromEnvironment(Map<String, String> env, Consumer<DynamoDbClientBuilder> dynamoDb,
                                                 Consumer<SnsClientBuilder> sns) {
        return build(AlertsConfig.fromEnvironment(env), dynamoDb, sns);
    }

    /** As {@link #fromEnvironment(Map)}, from settings already read. */
    public static AlertsFunction build(AlertsConfig config) {
        return build(config, builder -> { }, builder -> { });
    }

    private static AlertsFunction build(AlertsConfig config, Consumer<DynamoDbClientBuilder> dynamoDbCustomizer,
                                        Consumer<SnsClientBuilder> snsCustomizer) {
        DynamoDbClientBuilder dynamoDbBuilder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        dynamoDbCustomizer.accept(dynamoDbBuilder);
        SnsClientBuilder snsBuilder = SnsClient.builder()
                .region(Region.of(config.region()))
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        snsCustomizer.accept(snsBuilder);
        DynamoDbClient dynamoDb = dynamoDbBuilder.build();
        SnsClient sns = snsBuilder.build();
        Clock clock = Clock.systemUTC();
        AlertBatchProcessor.Dependencies dependencies = new AlertBatchProcessor.Dependencies(
                new CachedRuleOverrides(new DynamoDbRuleOverrides(dynamoDb, config.rulesTableName()),
                        config.rulesCacheTtl(), clock),
                new DynamoDbReadingHistory(dynamoDb, config.tableName()),
                new DynamoDbAlertStore(dynamoDb, config.alertsTableName()),
                new SnsAlertPublisher(sns, config.topicArn()));
        return create(config, dependencies, new DynamoDbRuleOverrides(dynamoDb, config.rulesTableName()), clock);
    }

    /**
     * Wires the processor over the given dependencies; {@code primingReads} is the uncached rules table that
     * SnapStart priming reads once.
     */
    public static AlertsFunction create(AlertsConfig config, AlertBatchProcessor.Dependencies dependencies,
                                        RuleOverrides primingReads, Clock clock) {
        AlertBatchProcessor processor = new AlertBatchProcessor(dependencies, config.defaults(),
                config.functionName(), clock, JsonLogger.of(AlertBatchProcessor.class));
        return new AlertsFunction(config, processor, new AlertsPrimer(config, primingReads, clock));
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }
}
