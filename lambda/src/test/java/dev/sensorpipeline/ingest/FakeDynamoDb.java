package dev.sensorpipeline.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A small in-memory DynamoDB that answers BatchWriteItem by AWS's documented rules, stricter than moto: at most 25
 * requests, no key twice in one request, existing tables only. Faults are scripted one call at a time.
 */
public final class FakeDynamoDb implements DynamoDbClient {

    /** What the next call does instead of, or besides, writing. */
    public enum Fault { THROTTLE, SERVER_ERROR, NETWORK_ERROR, LEAVE_HALF_UNPROCESSED }

    private static final Map<String, List<String>> KEY_SCHEMA = Map.of(
            "SensorData", List.of("SensorId", "CurrentTime"),
            "SensorDataRejects", List.of("EventId"));

    private final Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> tables = new HashMap<>();
    private final Queue<Fault> faults = new ArrayDeque<>();
    private final List<BatchWriteItemRequest> requests = new ArrayList<>();
    private Predicate<Map<String, AttributeValue>> refuses = item -> false;
    private Predicate<Map<String, AttributeValue>> failsWith = item -> false;
    private Predicate<Map<String, AttributeValue>> collectionFull = item -> false;
    private boolean down;

    public FakeDynamoDb() {
        KEY_SCHEMA.keySet().forEach(table -> tables.put(table, new LinkedHashMap<>()));
    }

    /** The next calls fail or half-write, in this order. */
    public synchronized FakeDynamoDb thenFail(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Every call fails with a 500 while down. */
    public synchronized FakeDynamoDb down(boolean isDown) {
        down = isDown;
        return this;
    }

    /** Requests holding a matching item are refused with a ValidationException. */
    public synchronized FakeDynamoDb refusing(Predicate<Map<String, AttributeValue>> invalid) {
        refuses = invalid;
        return this;
    }

    /** Requests holding a matching item fail with a 500, however often they are sent. */
    public synchronized FakeDynamoDb failingRequestsWith(Predicate<Map<String, AttributeValue>> item) {
        failsWith = item;
        return this;
    }

    /**
     * Requests holding a matching item fail with ItemCollectionSizeLimitExceededException, as DynamoDB answers
     * every write to an item collection (one hash key's items in a table with a local index) that reached 10 GB.
     */
    public synchronized FakeDynamoDb withFullItemCollections(Predicate<Map<String, AttributeValue>> item) {
        collectionFull = item;
        return this;
    }

    public synchronized List<Map<String, AttributeValue>> items(String table) {
        return List.copyOf(tables.get(table).values());
    }

    public synchronized List<BatchWriteItemRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        requests.add(request);
        checkAsDynamoDbDoes(request);
        boolean failing = request.requestItems().values().stream().flatMap(List::stream)
                .anyMatch(write -> failsWith.test(write.putRequest().item()));
        if (request.requestItems().values().stream().flatMap(List::stream)
                .anyMatch(write -> collectionFull.test(write.putRequest().item()))) {
            throw ItemCollectionSizeLimitExceededException.builder().statusCode(400)
                    .awsErrorDetails(details("ItemCollectionSizeLimitExceededException",
                            "Item collection size limit exceeded")).build();
        }
        Fault fault = down || failing ? Fault.SERVER_ERROR : faults.poll();
        if (fault == Fault.THROTTLE) {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(details("ProvisionedThroughputExceededException", "throughput exceeded")).build();
        }
        if (fault == Fault.SERVER_ERROR) {
            throw DynamoDbException.builder().statusCode(500)
                    .awsErrorDetails(details("InternalServerError", "Internal server error")).build();
        }
        if (fault == Fault.NETWORK_ERROR) {
            throw SdkClientException.create("Unable to execute HTTP request", new IOException("Connection reset"));
        }
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            for (WriteRequest write : entry.getValue()) {
                if (fault == Fault.LEAVE_HALF_UNPROCESSED && index++ % 2 == 1) {
                    unprocessed.computeIfAbsent(entry.getKey(), t -> new ArrayList<>()).add(write);
                } else {
                    Map<String, AttributeValue> item = write.putRequest().item();
                    tables.get(entry.getKey()).put(keyOf(entry.getKey(), item), item);
                }
            }
        }
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    private void checkAsDynamoDbDoes(BatchWriteItemRequest request) {
        int count = 0;
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            if (!tables.containsKey(entry.getKey())) {
                throw ResourceNotFoundException.builder().statusCode(400)
                        .awsErrorDetails(details("ResourceNotFoundException", "Requested resource not found")).build();
            }
            Set<Map<String, AttributeValue>> keys = new HashSet<>();
            for (WriteRequest write : entry.getValue()) {
                count++;
                Map<String, AttributeValue> item = write.putRequest().item();
                if (!keys.add(keyOf(entry.getKey(), item))) {
                    throw validation("Provided list of item keys contains duplicates");
                }
                if (refuses.test(item)) {
                    throw validation("One or more parameter values were invalid");
                }
            }
        }
        if (count == 0 || count > 25) {
            throw validation("Too many items requested for the BatchWriteItem call");
        }
    }

    private static Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String attribute : KEY_SCHEMA.get(table)) {
            AttributeValue value = item.get(attribute);
            if (value == null) {
                throw validation("One of the required keys was not given a value");
            }
            key.put(attribute, value);
        }
        return key;
    }

    private static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(400).message(message)
                .awsErrorDetails(details("ValidationException", message)).build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
