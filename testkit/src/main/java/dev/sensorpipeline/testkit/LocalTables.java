package dev.sensorpipeline.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Test housekeeping on local tables. */
public final class LocalTables {

    private LocalTables() {
    }

    /** Makes SensorData and SensorDataRejects at the endpoint from the infra/ files, with the real aws CLI. */
    public static void createSensorTablesFromInfra(java.net.URI endpoint) {
        AwsCli cli = new AwsCli(endpoint);
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json").orThrow();
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-rejects-table.json")
                .orThrow();
    }

    /** Empties SensorData and SensorDataRejects. */
    public static void emptySensorTables(DynamoDbClient dynamoDb) {
        truncate(dynamoDb, "SensorData", "SensorId", "CurrentTime");
        truncate(dynamoDb, "SensorDataRejects", "EventId");
    }

    /** Deletes every item, so that a test starts from an empty table without making it anew. */
    public static void truncate(DynamoDbClient dynamoDb, String table, String... keyAttributes) {
        List<WriteRequest> deletes = new ArrayList<>();
        ScanRequest scan = ScanRequest.builder().tableName(table).projectionExpression(String.join(",", keyAttributes))
                .build();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(scan).items()) {
            Map<String, AttributeValue> key = new HashMap<>();
            for (String attribute : keyAttributes) {
                key.put(attribute, item.get(attribute));
            }
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
        }
        for (int from = 0; from < deletes.size(); from += 25) {
            List<WriteRequest> chunk = deletes.subList(from, Math.min(deletes.size(), from + 25));
            Map<String, List<WriteRequest>> request = Map.of(table, chunk);
            while (!request.isEmpty()) {
                request = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build())
                        .unprocessedItems();
            }
        }
    }
}
