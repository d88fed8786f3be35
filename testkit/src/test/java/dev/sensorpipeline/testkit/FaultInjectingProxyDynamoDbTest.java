package dev.sensorpipeline.testkit;

import static dev.sensorpipeline.testkit.UpstreamState.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class FaultInjectingProxyDynamoDbTest {

    private static final MotoServer MOTO = MotoServer.shared();

    private final UpstreamState upstream = new UpstreamState(MOTO);
    private final String table = "readings-" + UUID.randomUUID();
    private FaultInjectingProxy proxy;
    private DynamoDbClient dynamoDb;

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.start(MOTO.endpoint(), FaultPlan.none());
        dynamoDb = NoRetryClients.dynamoDb(proxy.endpoint());
    }

    @AfterEach
    void stopProxy() {
        dynamoDb.close();
        proxy.close();
    }

    @Test
    void proxy_forwardsDynamoDbCallsUnchanged_withNoFaults() {
        // given
        Map<String, AttributeValue> reading = item("sensor-1#1");

        // when
        dynamoDb.createTable(r -> r.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.putItem(r -> r.tableName(table).item(reading));
        Map<String, AttributeValue> read = dynamoDb.getItem(r -> r.tableName(table)
                .key(Map.of("id", reading.get("id"))).consistentRead(true)).item();

        // then
        assertThat(read).isEqualTo(reading);
        assertThat(proxy.stats().total())
                .isEqualTo(new FaultStats.OperationStats(3, 3, 0, 0, 0, 0, 0));
    }

    @Test
    void proxy_returnsWithheldItemsAsUnprocessed_andWritesOnlyTheOthers() {
        // given
        upstream.createTable(table);
        List<WriteRequest> writes = puts(12);
        proxy.setPlan(FaultPlan.builder().seed(1).leaveItemsUnprocessed(0.5).build());

        // when
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));

        // then the unprocessed items are, in DynamoDB's shape, exactly those missing from the table
        List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
        List<String> stored = upstream.ids(table);
        assertThat(unprocessed).isNotEmpty().hasSizeLessThan(writes.size());
        assertThat(unprocessed).containsExactlyElementsOf(writes.stream()
                .filter(write -> !stored.contains(write.putRequest().item().get("id").s()))
                .toList());
        assertThat(stored).hasSize(writes.size() - unprocessed.size());
        assertThat(proxy.stats().dynamoDb("BatchWriteItem").itemsLeftUnprocessed()).isEqualTo(unprocessed.size());
    }

    @Test
    void proxy_throttlesBatchWriteItem_whenEveryItemWouldBeLeftUnprocessed() {
        // when
        ProvisionedThroughputExceededException thrown =
                throttledBatchOfThree(FaultPlan.builder().leaveItemsUnprocessed(1.0).build());

        // then as DynamoDB does when it can write none of the items
        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(upstream.ids(table)).isEmpty();
    }

    @Test
    void proxy_throttlesBatchWriteItem_withoutForwardingIt() {
        // when
        ProvisionedThroughputExceededException thrown =
                throttledBatchOfThree(FaultPlan.builder().throttleBatchWriteItem(1.0).build());

        // then
        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(thrown.awsErrorDetails().errorMessage())
                .startsWith("The level of configured provisioned throughput");
        assertThat(upstream.ids(table)).isEmpty();
        assertThat(proxy.stats().dynamoDb("BatchWriteItem"))
                .isEqualTo(new FaultStats.OperationStats(1, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void proxy_failsBatchWriteItemWithInternalServerError_withoutForwardingIt() {
        // given
        upstream.createTable(table);
        proxy.setPlan(FaultPlan.builder().failBatchWriteItem(1.0).build());

        // when
        DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
                () -> dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, puts(3)))));

        // then
        assertThat(thrown).isNotInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
        assertThat(upstream.ids(table)).isEmpty();
        assertThat(proxy.stats().dynamoDb("BatchWriteItem"))
                .isEqualTo(new FaultStats.OperationStats(1, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void proxy_failsEveryDynamoDbCall_whileDynamoDbIsDown() {
        // given
        upstream.createTable(table);
        proxy.setPlan(FaultPlan.builder().dynamoDbDown(true).build());
        List<Runnable> calls = List.of(
                () -> dynamoDb.describeTable(r -> r.tableName(table)),
                () -> dynamoDb.putItem(r -> r.tableName(table).item(item("a"))),
                () -> dynamoDb.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("a")))),
                () -> dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, puts(2)))),
                () -> dynamoDb.listTables());

        // when
        List<Integer> statuses = calls.stream()
                .map(call -> catchThrowableOfType(DynamoDbException.class, call::run).statusCode())
                .toList();

        // then
        assertThat(statuses).containsOnly(500).hasSize(calls.size());
        assertThat(upstream.ids(table)).isEmpty();
    }

    @Test
    void proxy_forwardsDynamoDbAgain_onceItComesBack() {
        // given DynamoDB went down and came back
        upstream.createTable(table);
        proxy.setPlan(FaultPlan.builder().dynamoDbDown(true).build());
        catchThrowableOfType(DynamoDbException.class, () -> dynamoDb.putItem(r -> r.tableName(table).item(item("a"))));
        proxy.setPlan(FaultPlan.none());

        // when
        dynamoDb.putItem(r -> r.tableName(table).item(item("b")));

        // then only the write made after it came back is there
        assertThat(upstream.ids(table)).containsExactly("b");
    }

    @Test
    void proxy_forwardsKinesisCalls_whileDynamoDbIsDown() {
        // given
        proxy.setPlan(FaultPlan.builder().dynamoDbDown(true).build());

        // when
        try (KinesisClient kinesis = NoRetryClients.kinesis(proxy.endpoint())) {
            kinesis.listStreams();
        }

        // then
        assertThat(proxy.stats().kinesis("ListStreams").forwarded()).isEqualTo(1);
    }

    private static List<WriteRequest> puts(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item("sensor-" + i + "#1000")).build())
                        .build())
                .toList();
    }

    /** Given a new table and the plan, a BatchWriteItem of three puts through the proxy, and what it threw. */
    private ProvisionedThroughputExceededException throttledBatchOfThree(FaultPlan plan) {
        upstream.createTable(table);
        proxy.setPlan(plan);
        return catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, puts(3)))));
    }
}
