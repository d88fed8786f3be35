package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.ingest.store.StoredItems;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.SensorTablesOnMoto;
import dev.sensorpipeline.testkit.ProjectFiles;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The handler against a real local DynamoDB (moto), with the tables made from infra/ by the aws CLI. */
class IngestHandlerIT {

    @RegisterExtension
    static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();

    static IngestHandler handlerAgainst(URI endpoint) {
        return new IngestHandler(IngestFunction.fromEnvironment(
                Map.of("AWS_REGION", LocalAws.REGION.id(), "WRITE_MAX_ATTEMPTS", "20"),
                builder -> builder.endpointOverride(endpoint).credentialsProvider(LocalAws.credentials())));
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return TABLES.dynamoDb().scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream()
                .toList();
    }

    private static KinesisEvent payload(String name) {
        return EventLoader.loadKinesisEvent(ProjectFiles.resolve("test-payloads/" + name).toString());
    }

    @Test
    void beforeCheckpoint_takesABatchWriteThroughTheClientUpToTheWire_andSendsNothing() {
        // given: a handler whose client records each request it marshals and each it sends
        Map<String, Integer> marshalled = new ConcurrentHashMap<>();
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
                marshalled.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
            }

            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                sent.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
            }
        };
        IngestHandler handler = new IngestHandler(IngestFunction.fromEnvironment(
                Map.of("AWS_REGION", LocalAws.REGION.id()),
                builder -> builder.endpointOverride(TABLES.endpoint()).credentialsProvider(LocalAws.credentials())
                        .overrideConfiguration(config -> config.addExecutionInterceptor(recorder))));
        sent.clear();

        // when
        handler.beforeCheckpoint(null);

        // then
        assertThat(marshalled).containsEntry("BatchWriteItem", 1);
        assertThat(sent).isEmpty();
        assertThat(scan("SensorData")).isEmpty();
        assertThat(scan("SensorDataRejects")).isEmpty();
    }

    @Test
    void handle_storesTheBooksReading_inTheTableMadeFromInfra() {
        // when
        StreamsEventResponse response = handlerAgainst(TABLES.endpoint())
                .handleRequest(payload("book-single-record.json"), TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(scan("SensorData")).extracting(StoredItems::readingOf)
                .containsExactly(SensorReading.of("sensor-1", 123456789L, new BigDecimal("99.9")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"batch-100.json, 100", "aggregated.json, 200"})
    void handle_storesEveryReading_ofTheBatchPayload_andOfTheProducersAggregatedOne(String payload, int readings) {
        // when
        StreamsEventResponse response = handlerAgainst(TABLES.endpoint())
                .handleRequest(payload(payload), TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(scan("SensorData")).hasSize(readings);
        assertThat(scan("SensorDataRejects")).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void handle_leavesExactlyTheLatestValidReadings_andEveryBadRecordAsAReject(long seed) {
        // given hundreds of records no fixture holds
        GeneratedBatch batch = new GeneratedBatch(seed, 600);

        // when
        StreamsEventResponse response = handlerAgainst(TABLES.endpoint())
                .handleRequest(batch.load(), TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertReadingsAreExactly(batch);
        Map<String, String> rejects = scan("SensorDataRejects").stream().collect(Collectors.toMap(
                item -> item.get(RejectItemMapper.EVENT_ID).s(), StoredItems::reasonOf));
        assertThat(rejects.keySet()).isEqualTo(batch.badByEventId.keySet());
        assertThat(rejects.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void handle_isIdempotent_whenLambdaReplaysTheBatch() {
        // given
        GeneratedBatch batch = new GeneratedBatch(4, 300);
        IngestHandler handler = handlerAgainst(TABLES.endpoint());
        handler.handleRequest(batch.load(), TestContext.withMinutesLeft(1));

        // when
        StreamsEventResponse replay = handler.handleRequest(batch.load(), TestContext.withMinutesLeft(1));

        // then
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertReadingsAreExactly(batch);
        assertThat(scan("SensorDataRejects")).hasSize(batch.badByEventId.size());
    }

    @Test
    void temperatureIndex_findsASensorsHottestReading() {
        // given
        GeneratedBatch batch = new GeneratedBatch(5, 300);
        handlerAgainst(TABLES.endpoint()).handleRequest(batch.load(), TestContext.withMinutesLeft(1));
        BigDecimal hottest = batch.latestByKey.values().stream().filter(e -> e.sensorId().equals("sensor-3"))
                .map(e -> new BigDecimal(e.temperature())).max(BigDecimal::compareTo).orElseThrow();

        // when
        List<Map<String, AttributeValue>> items = TABLES.dynamoDb().query(QueryRequest.builder()
                .tableName("SensorData").indexName("TemperatureIndex")
                .keyConditionExpression("SensorId = :sensor")
                .expressionAttributeValues(Map.of(":sensor", AttributeValue.fromS("sensor-3")))
                .scanIndexForward(false).limit(1).build()).items();

        // then
        assertThat(new BigDecimal(items.get(0).get(SensorItemMapper.TEMPERATURE).n())).isEqualByComparingTo(hottest);
    }

    @Test
    void startUp_failsNamingTheSetting_whenTheTableDoesNotExist() {
        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IngestFunction.fromEnvironment(
                Map.of("AWS_REGION", LocalAws.REGION.id(), "TABLE_NAME", "SensorDataTypo"),
                builder -> builder.endpointOverride(TABLES.endpoint()).credentialsProvider(LocalAws.credentials())))
                .isInstanceOf(dev.sensorpipeline.model.config.ConfigurationException.class)
                .hasMessageStartingWith("TABLE_NAME='SensorDataTypo': there is no such table in us-east-1");
    }

    private void assertReadingsAreExactly(GeneratedBatch batch) {
        Map<ReadingKey, Map<String, AttributeValue>> stored = new HashMap<>();
        for (Map<String, AttributeValue> item : scan("SensorData")) {
            SensorReading reading = StoredItems.readingOf(item);
            stored.put(reading.key(), item);
        }
        assertThat(stored.keySet()).isEqualTo(batch.latestByKey.keySet());
        for (GeneratedBatch.Expected expected : batch.latestByKey.values()) {
            Map<String, AttributeValue> item = stored.get(new ReadingKey(expected.sensorId(), expected.currentTime()));
            assertThat(new BigDecimal(item.get(SensorItemMapper.TEMPERATURE).n()))
                    .isEqualByComparingTo(expected.temperature());
            if (expected.humidity() == null) {
                assertThat(item).doesNotContainKey(SensorItemMapper.HUMIDITY);
            } else {
                assertThat(new BigDecimal(item.get(SensorItemMapper.HUMIDITY).n()))
                        .isEqualByComparingTo(expected.humidity());
            }
        }
    }
}
