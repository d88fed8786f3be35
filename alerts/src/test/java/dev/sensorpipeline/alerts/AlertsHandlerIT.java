package dev.sensorpipeline.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensorpipeline.alerts.testing.StreamEvents;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.LocalTables;
import dev.sensorpipeline.testkit.ProjectFiles;
import dev.sensorpipeline.testkit.SensorTablesOnMoto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The handler against moto: SensorData, SensorAlerts and SensorAlertRules made from infra/ by the aws CLI, the
 * {@code sensor-alerts} topic with an SQS queue subscribed, from which the test reads the messages back.
 */
class AlertsHandlerIT {

    @RegisterExtension
    static final SensorTablesOnMoto TABLES = new SensorTablesOnMoto();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T = 1_764_400_000L;
    private static final Duration MESSAGE_WAIT = Duration.ofSeconds(30);

    private static AwsCli cli;
    private static String topicArn;
    private static String queueUrl;

    @BeforeAll
    static void alertTablesTopicAndQueue() {
        cli = new AwsCli(TABLES.endpoint());
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-alerts-table.json").orThrow();
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-alert-rules-table.json")
                .orThrow();
        topicArn = aws("sns", "create-topic", "--name", "sensor-alerts").get("TopicArn").asText();
        queueUrl = sqs("create-queue", "--queue-name", "sensor-alerts-subscriber").get("QueueUrl").asText();
        String queueArn = sqs("get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn")
                .get("Attributes").get("QueueArn").asText();
        aws("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs", "--notification-endpoint", queueArn);
    }

    @BeforeEach
    void emptyAlertsRulesAndQueue() {
        LocalTables.truncate(TABLES.dynamoDb(), "SensorAlerts", "SensorId", "AlertKey");
        LocalTables.truncate(TABLES.dynamoDb(), "SensorAlertRules", "SensorId");
        sqs("purge-queue", "--queue-url", queueUrl);
    }

    private static AlertsHandler handler() {
        return new AlertsHandler(AlertsFunction.fromEnvironment(
                Map.of("AWS_REGION", LocalAws.REGION.id(), "ALERT_TOPIC_ARN", topicArn),
                builder -> builder.endpointOverride(TABLES.endpoint()).credentialsProvider(LocalAws.credentials()),
                builder -> builder.endpointOverride(TABLES.endpoint()).credentialsProvider(LocalAws.credentials())));
    }

    private static JsonNode aws(String... args) {
        String out = cli.run(args).orThrow().stdout();
        try {
            return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The aws CLI v1 sends SQS calls to AWS's endpoint whatever AWS_ENDPOINT_URL says: name it. */
    private static JsonNode sqs(String... args) {
        List<String> command = new ArrayList<>(List.of("sqs"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", TABLES.endpoint().toString()));
        return aws(command.toArray(String[]::new));
    }

    /** The SNS envelopes on the queue, read until {@code done} holds of all read so far (or the wait is over). */
    private static List<JsonNode> messagesUntil(Predicate<List<JsonNode>> done) {
        List<JsonNode> messages = new ArrayList<>();
        Instant giveUp = Instant.now().plus(MESSAGE_WAIT);
        while (!done.test(messages) && Instant.now().isBefore(giveUp)) {
            JsonNode received = sqs("receive-message", "--queue-url", queueUrl, "--max-number-of-messages", "10",
                    "--wait-time-seconds", "1", "--visibility-timeout", "600");
            received.path("Messages").forEach(message -> messages.add(readTree(message.get("Body").asText())));
        }
        return messages;
    }

    private static Predicate<List<JsonNode>> containsAlertOf(String sensorId) {
        return messages -> messages.stream().anyMatch(m -> attribute(m, "SensorId").equals(sensorId));
    }

    private static String attribute(JsonNode envelope, String name) {
        return envelope.path("MessageAttributes").path(name).path("Value").asText();
    }

    private static JsonNode body(JsonNode envelope) {
        return readTree(envelope.get("Message").asText());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores readings in SensorData, as the ingest function had before the stream delivered them. */
    private static void storeReadings(SensorReading... readings) {
        for (SensorReading reading : readings) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of(
                    "SensorId", AttributeValue.fromS(reading.sensorId()),
                    "CurrentTime", AttributeValue.fromN(Long.toString(reading.currentTime())),
                    "Temperature", AttributeValue.fromN(reading.temperature().toPlainString())));
            reading.humidityIfPresent().ifPresent(h -> item.put("Humidity", AttributeValue.fromN(h.toPlainString())));
            TABLES.dynamoDb().putItem(request -> request.tableName("SensorData").item(item));
        }
    }

    private static List<Map<String, AttributeValue>> alerts() {
        return TABLES.dynamoDb().scanPaginator(ScanRequest.builder().tableName("SensorAlerts").build()).items()
                .stream().toList();
    }

    private static SensorReading reading(String sensorId, long time, String temperature) {
        return SensorReading.of(sensorId, time, new BigDecimal(temperature));
    }

    private static void storeThePayloadsReadings() {
        storeReadings(new SensorReading("sensor-1", T, new BigDecimal("20.5"), new BigDecimal("41.5")),
                reading("sensor-2", T, "22.5"),
                new SensorReading("sensor-3", T + 60, new BigDecimal("104.2"), new BigDecimal("12.25")));
    }

    private static DynamodbEvent payload() {
        return EventLoader.loadDynamoDbEvent(
                ProjectFiles.resolve("test-payloads/dynamodb-stream-event.json").toString());
    }

    @Test
    void handle_thePayload_storesOneAlert_andPublishesItWithItsAttributes() {
        // given
        storeThePayloadsReadings();

        // when
        StreamsEventResponse response = handler().handleRequest(payload(), null);

        // then the table holds the one alert, published
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(alerts()).singleElement().satisfies(item -> {
            assertThat(item.get("SensorId").s()).isEqualTo("sensor-3");
            assertThat(item.get("AlertKey").s()).isEqualTo("00000000001764400060#high-temperature");
            assertThat(item.get("CurrentTime").n()).isEqualTo("1764400060");
            assertThat(item.get("Rule").s()).isEqualTo("high-temperature");
            assertThat(item.get("Temperature").n()).isEqualTo("104.2");
            assertThat(item.get("Threshold").n()).isEqualTo("100");
            assertThat(item.get("Humidity").n()).isEqualTo("12.25");
            assertThat(item.get("RaisedAt").n()).isNotBlank();
            assertThat(item.get("Published").bool()).isTrue();
        });
        // and the topic gave the queue one message, filterable by its attributes
        List<JsonNode> messages = messagesUntil(containsAlertOf("sensor-3"));
        assertThat(messages).singleElement().satisfies(envelope -> {
            assertThat(attribute(envelope, "SensorId")).isEqualTo("sensor-3");
            assertThat(attribute(envelope, "Rule")).isEqualTo("high-temperature");
            assertThat(envelope.path("MessageAttributes").path("Rule").path("Type").asText()).isEqualTo("String");
            JsonNode body = body(envelope);
            assertThat(body.get("SensorId").asText()).isEqualTo("sensor-3");
            assertThat(body.get("CurrentTime").asLong()).isEqualTo(T + 60);
            assertThat(body.get("Temperature").decimalValue()).isEqualByComparingTo("104.2");
            assertThat(body.get("Threshold").decimalValue()).isEqualByComparingTo("100");
            assertThat(body.get("Humidity").decimalValue()).isEqualByComparingTo("12.25");
        });
    }

    @Test
    void handle_aReplayedBatch_addsNothing() {
        // given the payload handled once
        storeThePayloadsReadings();
        AlertsHandler handler = handler();
        handler.handleRequest(payload(), null);

        // when Lambda replays it, and then a batch with an alert of its own follows
        StreamsEventResponse replay = handler.handleRequest(payload(), null);
        SensorReading marker = reading("sensor-9", T, "-50");
        storeReadings(marker);
        handler.handleRequest(StreamEvents.inserts(900, List.of(marker)), null);

        // then: by the time the marker's message is in, the replay has published nothing
        assertThat(replay.getBatchItemFailures()).isEmpty();
        List<JsonNode> messages = messagesUntil(containsAlertOf("sensor-9"));
        assertThat(messages).extracting(m -> attribute(m, "SensorId") + " " + attribute(m, "Rule"))
                .containsExactlyInAnyOrder("sensor-3 high-temperature", "sensor-9 low-temperature");
        assertThat(alerts()).hasSize(2);
    }

    @Test
    void handle_anOverride_changesThatSensorsVerdictOnly() {
        // given sensor-3 may go to 110; sensor-4 has the defaults
        TABLES.dynamoDb().putItem(request -> request.tableName("SensorAlertRules").item(Map.of(
                "SensorId", AttributeValue.fromS("sensor-3"), "HighTemperature", AttributeValue.fromN("110"))));
        SensorReading three = reading("sensor-3", T, "104.2");
        SensorReading four = reading("sensor-4", T, "104.2");
        storeReadings(three, four);

        // when
        StreamsEventResponse response = handler().handleRequest(StreamEvents.inserts(1, List.of(three, four)), null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(alerts()).extracting(item -> item.get("SensorId").s()).containsExactly("sensor-4");
        assertThat(messagesUntil(containsAlertOf("sensor-4"))).extracting(m -> attribute(m, "SensorId"))
                .containsExactly("sensor-4");
    }

    @Test
    void handle_risingFast_measuresFromTheWindowStoredInSensorData() {
        // given a reading stored 300 s before, not in the batch
        storeReadings(reading("sensor-5", T - 300, "10"), reading("sensor-5", T - 301, "-5"));
        SensorReading rise = reading("sensor-5", T, "25.5");
        storeReadings(rise);

        // when
        handler().handleRequest(StreamEvents.inserts(1, List.of(rise)), null);

        // then: the window's first second is in, the second before it out
        assertThat(alerts()).singleElement().satisfies(item -> {
            assertThat(item.get("Rule").s()).isEqualTo("rising-fast");
            assertThat(item.get("Threshold").n()).isEqualTo("15");
            assertThat(item.get("WindowLowest").n()).isEqualTo("10");
            assertThat(item.get("WindowLowestTime").n()).isEqualTo(Long.toString(T - 300));
        });
        JsonNode body = body(messagesUntil(containsAlertOf("sensor-5")).get(0));
        assertThat(body.get("WindowLowest").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void handle_anAlertStoredButNotPublished_isPublishedOnTheReplay() {
        // given the alert an earlier invocation stored and could not publish
        TABLES.dynamoDb().putItem(request -> request.tableName("SensorAlerts").item(Map.of(
                "SensorId", AttributeValue.fromS("sensor-6"),
                "AlertKey", AttributeValue.fromS(String.format("%020d#high-temperature", T)),
                "CurrentTime", AttributeValue.fromN(Long.toString(T)),
                "Rule", AttributeValue.fromS("high-temperature"),
                "Temperature", AttributeValue.fromN("120"),
                "Threshold", AttributeValue.fromN("100"),
                "RaisedAt", AttributeValue.fromN("1764400001"),
                "Published", AttributeValue.fromBool(false))));
        SensorReading hot = reading("sensor-6", T, "120");
        storeReadings(hot);

        // when Lambda replays its record
        StreamsEventResponse response = handler().handleRequest(StreamEvents.inserts(1, List.of(hot)), null);

        // then it is published, with the time it was first raised, and marked
        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode body = body(messagesUntil(containsAlertOf("sensor-6")).get(0));
        assertThat(body.get("RaisedAt").asLong()).isEqualTo(1_764_400_001L);
        assertThat(alerts()).singleElement().satisfies(item -> assertThat(item.get("Published").bool()).isTrue());
    }
}
