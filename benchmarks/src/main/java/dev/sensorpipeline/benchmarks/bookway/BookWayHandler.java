package dev.sensorpipeline.benchmarks.bookway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline of scripts/bench.sh: the book's handler in Java, with its one defect of data loss put right (it
 * takes every record, not only the first), and the rest as the book has it: one PutItem per record, in turn, with
 * no validation, the SDK's default retries, and numbers through a double. Not for production.
 */
public final class BookWayHandler implements RequestHandler<KinesisEvent, String> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final ObjectMapper json = new ObjectMapper();
    private final String table = System.getenv().getOrDefault("TABLE_NAME", "SensorData");

    @Override
    public String handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            JsonNode reading;
            try {
                reading = json.readTree(StandardCharsets.UTF_8.decode(record.getKinesis().getData().duplicate())
                        .toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
                    "SensorId", AttributeValue.fromS(reading.get("sensor_id").asText()),
                    "CurrentTime", AttributeValue.fromN(Long.toString(reading.get("current_time").asLong())),
                    "Temperature", AttributeValue.fromN(Double.toString(reading.get("temperature").asDouble())))));
        }
        return "ok";
    }
}
