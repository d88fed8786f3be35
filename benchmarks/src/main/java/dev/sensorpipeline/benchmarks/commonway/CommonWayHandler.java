package dev.sensorpipeline.benchmarks.commonway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The common Java way, for scripts/bench-function.sh: what a tutorial on Kinesis, Lambda and DynamoDB writes. Jackson
 * databind reads each record into a bean, and the DynamoDB Enhanced Client puts it, one {@code putItem} per record,
 * records in turn; the client and the table schema are built once, in the constructor, as tutorials advise. No
 * validation, no batch item failures (a failure fails the batch), the SDK's default retries. Not for production.
 */
public final class CommonWayHandler implements RequestHandler<KinesisEvent, Void> {

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final DynamoDbTable<SensorReading> table = DynamoDbEnhancedClient.create()
            .table(System.getenv().getOrDefault("TABLE_NAME", "SensorData"), TableSchema.fromBean(SensorReading.class));

    @Override
    public Void handleRequest(KinesisEvent event, Context context) {
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            ByteBuffer data = record.getKinesis().getData();
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            SensorReading reading;
            try {
                reading = objectMapper.readValue(bytes, SensorReading.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read record " + record.getEventID(), e);
            }
            table.putItem(reading);
        }
        return null;
    }
}
