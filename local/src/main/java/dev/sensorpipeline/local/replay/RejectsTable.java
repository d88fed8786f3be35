package dev.sensorpipeline.local.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The function's rejects table, keyed by the Kinesis {@code eventID} ({@code eventID#index} for a user record of an
 * aggregate): which of a replay's records the function rejected rather than stored.
 */
public record RejectsTable(DynamoDbClient dynamoDb, String tableName) implements Rejects {

    private static final String KEY = "EventId";
    /** BatchGetItem's limit per request. */
    private static final int KEYS_PER_REQUEST = 100;

    @Override
    public Set<String> rejected(List<String> eventIds) {
        Set<String> found = new HashSet<>();
        try {
            for (int from = 0; from < eventIds.size(); from += KEYS_PER_REQUEST) {
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (String id : eventIds.subList(from, Math.min(eventIds.size(), from + KEYS_PER_REQUEST))) {
                    keys.add(Map.of(KEY, AttributeValue.fromS(id)));
                }
                Map<String, KeysAndAttributes> request = new HashMap<>(Map.of(tableName, KeysAndAttributes.builder()
                        .keys(keys).projectionExpression(KEY).consistentRead(true).build()));
                while (!request.isEmpty()) {
                    BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                    response.responses().getOrDefault(tableName, List.of())
                            .forEach(item -> found.add(item.get(KEY).s()));
                    request.clear();
                    request.putAll(response.unprocessedKeys());
                }
            }
        } catch (SdkException e) {
            throw new StoreUnavailableException("cannot read the rejects table " + tableName + ": " + e.getMessage(),
                    e);
        }
        return found;
    }
}
