package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Alert;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link AlertStore} on {@code SensorAlerts} (hash {@code SensorId}, range {@code AlertKey}): a PutItem on the
 * condition that the key is absent, which returns the existing item when it is not
 * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, so no second read); then an UpdateItem of {@code Published}.
 *
 * @param dynamoDb the client
 * @param table    the alerts table's name
 */
public record DynamoDbAlertStore(DynamoDbClient dynamoDb, String table) implements AlertStore {

    @Override
    public Stored putIfAbsent(Alert alert, long raisedAt) {
        Map<String, AttributeValue> item = item(alert, raisedAt);
        try {
            dynamoDb.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", AlertFields.SENSOR_ID))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Stored(Status.NEW, raisedAt);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            AttributeValue published = existing.get(AlertFields.PUBLISHED);
            AttributeValue storedRaisedAt = existing.get(AlertFields.RAISED_AT);
            long firstRaised = storedRaisedAt == null || storedRaisedAt.n() == null
                    ? raisedAt : new BigDecimal(storedRaisedAt.n()).longValue();
            boolean wasPublished = published != null && Boolean.TRUE.equals(published.bool());
            return new Stored(wasPublished ? Status.PUBLISHED : Status.UNPUBLISHED, firstRaised);
        }
    }

    @Override
    public void markPublished(Alert alert) {
        dynamoDb.updateItem(request -> request.tableName(table).key(key(alert))
                .updateExpression("SET #published = :true")
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#published", AlertFields.PUBLISHED, "#id", AlertFields.SENSOR_ID))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    /** The alert's item, not yet published. */
    static Map<String, AttributeValue> item(Alert alert, long raisedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        AlertFields.of(alert, raisedAt).forEach((name, value) -> item.put(name, value instanceof BigDecimal number
                ? AttributeValue.fromN(number.toPlainString())
                : AttributeValue.fromS(value.toString())));
        item.put(AlertFields.PUBLISHED, AttributeValue.fromBool(false));
        return item;
    }

    private static Map<String, AttributeValue> key(Alert alert) {
        return Map.of(AlertFields.SENSOR_ID, AttributeValue.fromS(alert.reading().sensorId()),
                AlertFields.ALERT_KEY, AttributeValue.fromS(alert.alertKey()));
    }
}
