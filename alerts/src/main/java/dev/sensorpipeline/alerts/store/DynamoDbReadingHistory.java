package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Sample;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * {@link ReadingHistory} on {@code SensorData}: one key-range Query ({@code SensorId = :id AND CurrentTime BETWEEN
 * :from AND :to}), followed page by page. Strongly consistent: a reading of the sensor stored a moment ago (whose
 * stream record another shard is delivering) is seen, so a verdict does not depend on replication lag. Only the
 * time and temperature are returned; an item without a numeric temperature is passed over.
 *
 * @param dynamoDb the client
 * @param table    the readings table's name
 */
public record DynamoDbReadingHistory(DynamoDbClient dynamoDb, String table) implements ReadingHistory {

    @Override
    public Result readings(String sensorId, long from, long to) {
        List<Sample> samples = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        int pages = 0;
        double capacity = 0;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#id = :id AND #time BETWEEN :from AND :to")
                    .projectionExpression("#time, #temperature")
                    .expressionAttributeNames(Map.of("#id", "SensorId", "#time", "CurrentTime",
                            "#temperature", "Temperature"))
                    .expressionAttributeValues(Map.of(
                            ":id", AttributeValue.fromS(sensorId),
                            ":from", AttributeValue.fromN(Long.toString(from)),
                            ":to", AttributeValue.fromN(Long.toString(to))))
                    .consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamoDb.query(request.build());
            pages++;
            if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                capacity += page.consumedCapacity().capacityUnits();
            }
            for (Map<String, AttributeValue> item : page.items()) {
                sample(item).ifPresent(samples::add);
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Result(samples, pages, capacity);
    }

    private static Optional<Sample> sample(Map<String, AttributeValue> item) {
        AttributeValue time = item.get("CurrentTime");
        AttributeValue temperature = item.get("Temperature");
        if (time == null || time.n() == null || temperature == null || temperature.n() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Sample(new BigDecimal(time.n()).longValueExact(),
                    new BigDecimal(temperature.n())));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
