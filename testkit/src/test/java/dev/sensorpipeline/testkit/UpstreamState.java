package dev.sensorpipeline.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Sets up and reads moto directly, past the proxy, so what a test checks does not go through what it tests. */
final class UpstreamState {

    static final String KEY = "id";

    private final DynamoDbClient dynamoDb;
    private final KinesisClient kinesis;

    UpstreamState(MotoServer moto) {
        this.dynamoDb = NoRetryClients.dynamoDb(moto.endpoint());
        this.kinesis = NoRetryClients.kinesis(moto.endpoint());
    }

    /** Creates a table keyed by the string attribute {@value #KEY}. */
    void createTable(String table) {
        dynamoDb.createTable(r -> r.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(KEY).attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** The {@value #KEY} of every item in {@code table}. */
    List<String> ids(String table) {
        List<String> ids = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(table)).items()
                .forEach(item -> ids.add(item.get(KEY).s()));
        return ids;
    }

    void createStream(String stream, int shards) {
        kinesis.createStream(r -> r.streamName(stream).shardCount(shards));
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream));
    }

    /** The data of every record in {@code stream}, as UTF-8 text, read from the start of every shard. */
    List<String> records(String stream) {
        return StreamContents.readAll(kinesis, stream).stream()
                .map(held -> held.record().data().asString(StandardCharsets.UTF_8))
                .toList();
    }

    static Map<String, AttributeValue> item(String id) {
        return Map.of(KEY, AttributeValue.fromS(id), "temperature", AttributeValue.fromN("21.5"));
    }
}
