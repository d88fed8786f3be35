package dev.sensorpipeline.readings.query;

import dev.sensorpipeline.model.SensorReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads {@code SensorData} by its keys only, never a scan: one sensor's readings in a time range through the
 * table's key ({@code SensorId}, {@code CurrentTime}), its hottest or coldest through {@code TemperatureIndex}.
 * Every query follows {@code LastEvaluatedKey} over all of DynamoDB's pages (at most 1 MB each) and reports the
 * capacity it consumed.
 */
public final class ReadingsTable {

    /** The local secondary index sorted by temperature. */
    public static final String TEMPERATURE_INDEX = "TemperatureIndex";
    /** What a query reads of an item: the reading's fields, nothing the item may carry besides. */
    private static final String PROJECTION = "#sensor, #time, #temperature, #humidity";
    /** Items a filtered index query reads a page, so that a narrow range does not take a request per reading. */
    private static final int FILTERED_PAGE = 500;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String where;
    private final QueryProgress progress;
    private final ReadCapacity capacity = new ReadCapacity();

    /**
     * @param where where the table is, for messages: "http://127.0.0.1:5000 (us-east-1)"
     */
    public ReadingsTable(DynamoDbClient dynamoDb, String tableName, String where, QueryProgress progress) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.where = where;
        this.progress = progress;
    }

    public String tableName() {
        return tableName;
    }

    /** The capacity the queries so far consumed. */
    public ReadCapacity capacity() {
        return capacity;
    }

    /** Every reading of {@code sensorId} in {@code range}, oldest first. */
    public List<SensorReading> range(String sensorId, TimeRange range) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sensor", AttributeValue.fromS(sensorId));
        String condition = "#sensor = :sensor";
        if (range.from() != null && range.to() != null) {
            condition += " AND #time BETWEEN :from AND :to";
        } else if (range.from() != null) {
            condition += " AND #time >= :from";
        } else if (range.to() != null) {
            condition += " AND #time <= :to";
        }
        putBounds(values, range);
        QueryRequest request = base()
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .scanIndexForward(true)
                .build();
        return readAll(request, sensorId, Integer.MAX_VALUE);
    }

    /**
     * The {@code n} hottest readings of {@code sensorId} in {@code range} (the coldest when {@code hottest} is
     * false), hottest (coldest) first, through {@code TemperatureIndex} in descending (ascending) order with
     * {@code Limit}: without a range the first page holds them; with one, pages are read until {@code n} match.
     */
    public List<SensorReading> extremes(String sensorId, int n, boolean hottest, TimeRange range) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, not " + n);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sensor", AttributeValue.fromS(sensorId));
        QueryRequest.Builder request = base()
                .indexName(TEMPERATURE_INDEX)
                .keyConditionExpression("#sensor = :sensor")
                .scanIndexForward(!hottest);
        if (range.isAll()) {
            request.limit(n);
        } else {
            putBounds(values, range);
            request.limit(Math.max(n, FILTERED_PAGE)).filterExpression(range.from() == null ? "#time <= :to"
                    : range.to() == null ? "#time >= :from" : "#time BETWEEN :from AND :to");
        }
        return readAll(request.expressionAttributeValues(values).build(), sensorId + " by temperature", n);
    }

    private QueryRequest.Builder base() {
        return QueryRequest.builder()
                .tableName(tableName)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(Map.of("#sensor", ItemMapper.SENSOR_ID, "#time", ItemMapper.CURRENT_TIME,
                        "#temperature", ItemMapper.TEMPERATURE, "#humidity", ItemMapper.HUMIDITY))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    }

    private static void putBounds(Map<String, AttributeValue> values, TimeRange range) {
        if (range.from() != null) {
            values.put(":from", AttributeValue.fromN(Long.toString(range.from())));
        }
        if (range.to() != null) {
            values.put(":to", AttributeValue.fromN(Long.toString(range.to())));
        }
    }

    /** Reads page after page until there is none left or {@code max} readings are in. */
    private List<SensorReading> readAll(QueryRequest first, String what, int max) {
        List<SensorReading> readings = new ArrayList<>();
        QueryProgress.Tracker tracker = progress.start(what + " in " + tableName);
        QueryRequest request = first;
        int pages = 0;
        while (true) {
            QueryResponse page = query(request);
            pages++;
            capacity.add(page.consumedCapacity() == null ? null : page.consumedCapacity().capacityUnits());
            for (Map<String, AttributeValue> item : page.items()) {
                readings.add(ItemMapper.toReading(item));
                if (readings.size() == max) {
                    return readings;
                }
            }
            tracker.page(pages, readings.size());
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return readings;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    private QueryResponse query(QueryRequest request) {
        try {
            return dynamoDb.query(request);
        } catch (ResourceNotFoundException e) {
            throw new TableUnavailableException("table '" + tableName + "' does not exist at " + where
                    + ": create it with scripts/deploy.sh (same region and endpoint), or name another with --table "
                    + "or TABLE_NAME", e);
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new TableUnavailableException("DynamoDB at " + where + " refused the query on '" + tableName
                    + "': " + code + messageOf(e) + ". Check the credentials and their permissions "
                    + "(dynamodb:Query on the table and its indexes)", e);
        } catch (SdkClientException e) {
            throw new TableUnavailableException("cannot reach DynamoDB at " + where + ": " + messageOf(e)
                    + ". Is the endpoint up (AWS_ENDPOINT_URL, --endpoint-url) and the region right?", e);
        }
    }

    private static String messageOf(Exception e) {
        if (e instanceof DynamoDbException dynamo && dynamo.awsErrorDetails() != null
                && dynamo.awsErrorDetails().errorMessage() != null) {
            return dynamo.awsErrorDetails().errorMessage();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
