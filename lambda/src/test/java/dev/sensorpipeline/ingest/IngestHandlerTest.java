package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.sensorpipeline.model.config.ConfigurationException;
import dev.sensorpipeline.ingest.config.IngestConfig;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.ingest.store.StoredItems;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.retry.Backoff;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IngestHandlerTest {

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();

    private IngestHandler handler(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "WRITE_MAX_ATTEMPTS", "4"));
        env.putAll(extraEnv);
        IngestConfig config = IngestConfig.fromEnvironment(env);
        Backoff noWaiting = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.0);
        return new IngestHandler(IngestFunction.create(config, dynamoDb, noWaiting, wait -> { }));
    }

    private IngestHandler handler() {
        return handler(Map.of());
    }

    private static StreamsEventResponse.BatchItemFailure[] none() {
        return new StreamsEventResponse.BatchItemFailure[0];
    }

    private List<SensorReading> storedReadings() {
        return dynamoDb.items("SensorData").stream().map(StoredItems::readingOf).toList();
    }

    private static Set<String> sequenceNumbersOf(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    }

    /** What the function logs (to stdout, as in Lambda) while {@code action} runs. */
    private static String logsWhile(Runnable action) {
        java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(stdout);
        }
        return logs.toString(StandardCharsets.UTF_8);
    }

    private IngestFunction wired(IngestConfig config) {
        Backoff noWaiting = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.0);
        return IngestFunction.create(config, dynamoDb, noWaiting, wait -> { });
    }

    private static IngestConfig configFor(String initializationType) {
        return IngestConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_LAMBDA_INITIALIZATION_TYPE", initializationType));
    }

    @ParameterizedTest
    @Event(value = "test-payloads/book-single-record.json", type = KinesisEvent.class)
    void construct_returnsBeforeTheClientIsWired_onAnOnDemandContainer_andTheFirstBatchWaitsForIt(KinesisEvent event)
            throws Exception {
        // given: wiring the client (building it, checking the tables) does not finish until released
        CountDownLatch released = new CountDownLatch(1);
        Function<IngestConfig, IngestFunction> slowWiring = config -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return wired(config);
        };

        // when: constructing would hang if the wiring ran on this thread
        IngestHandler handler = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new IngestHandler(configFor("on-demand"), slowWiring));
        released.countDown();
        StreamsEventResponse response = handler.handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(storedReadings()).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/book-single-record.json", type = KinesisEvent.class)
    void handle_failsNamingTheSetting_whenTheCheckBesideStartUpFindsNoTable(KinesisEvent event) {
        // given
        IngestHandler handler = new IngestHandler(configFor("on-demand"), config -> {
            throw new ConfigurationException("TABLE_NAME='SensorDataTypo': there is no such table in us-east-1");
        });

        // when / then
        assertThatThrownBy(() -> handler.handleRequest(event, TestContext.withMinutesLeft(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("TABLE_NAME='SensorDataTypo'");
        assertThat(dynamoDb.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snap-start", "provisioned-concurrency"})
    void construct_failsAtOnce_whenInitIsOffTheRequestPath(String initializationType) {
        assertThatThrownBy(() -> new IngestHandler(configFor(initializationType), config -> {
            throw new ConfigurationException("TABLE_NAME='SensorDataTypo': there is no such table in us-east-1");
        })).isInstanceOf(ConfigurationException.class).hasMessageStartingWith("TABLE_NAME='SensorDataTypo'");
    }

    @ParameterizedTest
    @Event(value = "test-payloads/book-single-record.json", type = KinesisEvent.class)
    void handle_storesTheBooksReading(KinesisEvent event) {
        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(storedReadings()).containsExactly(SensorReading.of("sensor-1", 123456789L, new BigDecimal("99.9")));
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_storesEveryRecordOfTheBatch_notJustTheFirst(KinesisEvent event) {
        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(100);
        assertThat(dynamoDb.requests()).hasSize(4);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/aggregated.json", type = KinesisEvent.class)
    void handle_storesEveryReadingOfTheProducersAggregatedPayload(KinesisEvent event) {
        // when: 10 KPL aggregated records of 20 readings each, from sensor-producer --aggregate --events-out
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(event.getRecords()).hasSize(10);
        assertThat(dynamoDb.items("SensorData")).hasSize(200);
        assertThat(dynamoDb.items("SensorDataRejects")).isEmpty();
        assertThat(storedReadings()).allSatisfy(reading -> assertThat(reading.humidity()).isNotNull());
    }

    @ParameterizedTest
    @Event(value = "test-payloads/with-humidity.json", type = KinesisEvent.class)
    void handle_storesHumidity_onlyWhenTheReadingHasIt(KinesisEvent event) {
        // when
        handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(storedReadings()).containsExactlyInAnyOrder(
                new SensorReading("sensor-1", 1764400000L, new BigDecimal("73.2"), new BigDecimal("41.5")),
                new SensorReading("sensor-2", 1764400000L, new BigDecimal("68.0"), new BigDecimal("0")),
                new SensorReading("sensor-3", 1764400000L, new BigDecimal("-4.25"), new BigDecimal("100")),
                SensorReading.of("sensor-1", 1764400001L, new BigDecimal("73.3")));
        assertThat(dynamoDb.items("SensorData")).filteredOn(item -> item.get("CurrentTime").n().equals("1764400001"))
                .allSatisfy(item -> assertThat(item).doesNotContainKey(SensorItemMapper.HUMIDITY));
    }

    @ParameterizedTest
    @Event(value = "test-payloads/mixed-bad-and-good.json", type = KinesisEvent.class)
    void handle_rejectsEveryBadRecordWithItsReason_andStoresTheGoodOnes(KinesisEvent event) {
        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(15);
        List<Map<String, AttributeValue>> rejects = dynamoDb.items("SensorDataRejects");
        assertThat(rejects).hasSize(15);
        assertThat(rejects).extracting(StoredItems::reasonOf).contains(
                "record is not valid UTF-8 (byte 0xFF at offset 0)",
                "missing required field sensor_id",
                "temperature is NaN; it must be a finite number",
                "humidity 101 is outside 0..100; it must be relative humidity in percent");
        Map<String, AttributeValue> notJson = rejects.stream()
                .filter(r -> StoredItems.reasonOf(r).startsWith("record is not valid JSON")).findFirst().orElseThrow();
        assertThat(StoredItems.rawDataOf(notJson)).isEqualTo("this is not json");
        assertThat(notJson.get(RejectItemMapper.EVENT_ID).s()).startsWith("shardId-000000000000:");
        assertThat(notJson.get(RejectItemMapper.SHARD_ID).s()).isEqualTo("shardId-000000000000");
        assertThat(notJson).containsKeys(RejectItemMapper.SEQUENCE_NUMBER, RejectItemMapper.PARTITION_KEY,
                RejectItemMapper.ARRIVAL_TIME, RejectItemMapper.REJECTED_AT, RejectItemMapper.EVENT_SOURCE_ARN);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/mixed-bad-and-good.json", type = KinesisEvent.class)
    void handle_keepsTheReadingWithTheHighestSequenceNumber_whenAKeyRepeatsInTheBatch(KinesisEvent event) {
        // when
        handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then the last record, 72.0, wins over the first, 70.5, of the same key
        assertThat(storedReadings()).filteredOn(r -> r.currentTime() == 1764400000L)
                .containsExactly(SensorReading.of("sensor-9", 1764400000L, new BigDecimal("72.0")));
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_reportsEveryRecordNotStored_bySequenceNumber_whenDynamoDbStaysDown(KinesisEvent event) {
        // given
        dynamoDb.down(true);
        Set<String> all = event.getRecords().stream().map(r -> r.getKinesis().getSequenceNumber())
                .collect(Collectors.toSet());

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(sequenceNumbersOf(response)).isEqualTo(all);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_storesEverything_whenThrottlingAndPartialWritesPass(KinesisEvent event) {
        // given four faults, which the four parallel requests draw in any order: one request may draw all four,
        // so it needs a fifth attempt
        dynamoDb.thenFail(FakeDynamoDb.Fault.THROTTLE, FakeDynamoDb.Fault.LEAVE_HALF_UNPROCESSED,
                FakeDynamoDb.Fault.SERVER_ERROR, FakeDynamoDb.Fault.LEAVE_HALF_UNPROCESSED);

        // when
        StreamsEventResponse response = handler(Map.of("WRITE_MAX_ATTEMPTS", "5"))
                .handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(100);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/mixed-bad-and-good.json", type = KinesisEvent.class)
    void handle_reportsARejectThatCannotBeWritten_ratherThanDroppingIt(KinesisEvent event) {
        // given the rejects table refuses every item, the readings table none
        dynamoDb.refusing(item -> item.containsKey(RejectItemMapper.EVENT_ID));

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).hasSize(15);
        assertThat(dynamoDb.items("SensorData")).hasSize(15);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/book-single-record.json", type = KinesisEvent.class)
    void handle_sendsAReadingDynamoDbRefusesToTheRejectsTable_withDynamoDbsReason(KinesisEvent event) {
        // given
        dynamoDb.refusing(item -> item.containsKey(SensorItemMapper.SENSOR_ID));

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorDataRejects")).extracting(StoredItems::reasonOf)
                .singleElement().asString().startsWith("DynamoDB refused the reading: ");
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_reportsEveryRecordOfAFullItemCollectionForRetry_andRejectsNone(KinesisEvent event) {
        // given sensor-3 has filled its 10 GB item collection
        dynamoDb.withFullItemCollections(item -> item.get(SensorItemMapper.SENSOR_ID).s().equals("sensor-3"));
        Set<String> ofSensor3 = event.getRecords().stream()
                .filter(r -> StandardCharsets.UTF_8.decode(r.getKinesis().getData().duplicate()).toString()
                        .contains("\"sensor-3\""))
                .map(r -> r.getKinesis().getSequenceNumber()).collect(Collectors.toSet());

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(ofSensor3).hasSize(20);
        assertThat(sequenceNumbersOf(response)).isEqualTo(ofSensor3);
        assertThat(dynamoDb.items("SensorDataRejects")).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(80);
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_logsTheFullSensorWithTheRemedy_andCountsItsReadingsInTheBatchMetrics(KinesisEvent event) {
        // given
        dynamoDb.withFullItemCollections(item -> item.get(SensorItemMapper.SENSOR_ID).s().equals("sensor-3"));
        IngestHandler handler = handler();

        // when
        String logged = logsWhile(() -> handler.handleRequest(event, TestContext.withMinutesLeft(1)));

        // then
        List<String> lines = logged.lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("item collection full"))
                .hasSize(20).allSatisfy(line -> assertThat(line)
                        .contains("\"sensorId\":\"sensor-3\"", "READING_TTL_DAYS", "global secondary index"));
        assertThat(lines).filteredOn(line -> line.contains("batch processed")).singleElement().asString()
                .contains("\"itemCollectionLimitExceeded\":20");
    }

    @ParameterizedTest
    @Event(value = "test-payloads/book-single-record.json", type = KinesisEvent.class)
    void handle_addsExpiresAt_whenReadingTtlDaysIsSet(KinesisEvent event) {
        // when
        handler(Map.of("READING_TTL_DAYS", "7")).handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(dynamoDb.items("SensorData").get(0).get(SensorItemMapper.EXPIRES_AT).n())
                .isEqualTo(Long.toString(123456789L + 7 * 86400));
    }

    @ParameterizedTest
    @Event(value = "test-payloads/batch-100.json", type = KinesisEvent.class)
    void handle_reportsEverything_andWritesNothing_whenNoTimeIsLeft(KinesisEvent event) {
        // when
        StreamsEventResponse response = handler().handleRequest(event, new TestContext(Duration.ofMillis(500)));

        // then
        assertThat(dynamoDb.requests()).isEmpty();
        assertThat(response.getBatchItemFailures()).hasSize(100);
    }

    @Test
    void handle_storesAHugeBatch_of10000RecordsAnd6MB() {
        // given 10,000 readings of about 600 bytes each, padded with an unknown field
        dev.sensorpipeline.model.event.SyntheticEvent json = new dev.sensorpipeline.model.event.SyntheticEvent();
        String padding = "x".repeat(540);
        for (int i = 0; i < 10_000; i++) {
            json.add("sensor-" + i % 50, ("{\"sensor_id\":\"sensor-" + i % 50 + "\",\"current_time\":" + (1764400000 + i)
                    + ",\"temperature\":21.5,\"note\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        KinesisEvent event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadKinesisEvent(
                json.writeToTempFile().toString());
        long bytes = event.getRecords().stream().mapToLong(r -> r.getKinesis().getData().remaining()).sum();

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(5));

        // then
        assertThat(bytes).isGreaterThan(6_000_000L);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).hasSize(10_000);
        assertThat(dynamoDb.requests()).hasSize(400);
    }

    @Test
    void handle_rejectsEveryRecord_ofABatchOfOnlyBadRecords() {
        // given
        dev.sensorpipeline.model.event.SyntheticEvent json = new dev.sensorpipeline.model.event.SyntheticEvent();
        for (int i = 0; i < 60; i++) {
            json.add("bad", ("not a reading " + i).getBytes(StandardCharsets.UTF_8));
        }
        KinesisEvent event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadKinesisEvent(
                json.writeToTempFile().toString());

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.items("SensorData")).isEmpty();
        assertThat(dynamoDb.items("SensorDataRejects")).hasSize(60);
    }

    @Test
    void handle_logsNoRawPayloads_onlyReasons() {
        // given records whose payloads carry recognisable secrets (credentials: IngestNearDeadlineIT)
        dev.sensorpipeline.model.event.SyntheticEvent json = new dev.sensorpipeline.model.event.SyntheticEvent();
        json.add("bad", "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":\"PAYLOAD-SECRET-1\"}"
                .getBytes(StandardCharsets.UTF_8));
        json.add("bad", ("{\"sensor_id\":\"s\",\"current_time\":2,\"temperature\":1,\"humidity\":500,"
                + "\"note\":\"PAYLOAD-SECRET-2\"}").getBytes(StandardCharsets.UTF_8));
        json.add("good", "{\"sensor_id\":\"s\",\"current_time\":3,\"temperature\":1,\"token\":\"PAYLOAD-SECRET-3\"}"
                .getBytes(StandardCharsets.UTF_8));
        KinesisEvent event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadKinesisEvent(
                json.writeToTempFile().toString());
        IngestHandler handler = handler();

        // when
        String logged = logsWhile(() -> handler.handleRequest(event, TestContext.withMinutesLeft(1)));

        // then
        assertThat(logged).contains("record rejected", "temperature must be a number, not a string",
                "humidity 500 is outside 0..100");
        assertThat(logged).doesNotContain("PAYLOAD-SECRET-1", "PAYLOAD-SECRET-2", "PAYLOAD-SECRET-3");
    }

    @Test
    void handle_returnsNoFailures_forAnEmptyBatch() {
        // given
        KinesisEvent event = new KinesisEvent();
        event.setRecords(List.of());

        // when
        StreamsEventResponse response = handler().handleRequest(event, TestContext.withMinutesLeft(1));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(dynamoDb.requests()).isEmpty();
    }

    @Test
    void handle_throwsForAWholeBatchRetry_whenAFailedRecordHasNoSequenceNumber() {
        // given a hand-made record without a sequence number, and DynamoDB down
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setData(ByteBuffer.wrap(
                "{\"sensor_id\":\"s\",\"current_time\":1,\"temperature\":1}".getBytes(StandardCharsets.UTF_8)));
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        KinesisEvent event = new KinesisEvent();
        event.setRecords(List.of(record));
        dynamoDb.down(true);

        // when / then
        assertThatThrownBy(() -> handler().handleRequest(event, TestContext.withMinutesLeft(1)))
                .hasMessageContaining("without a sequence number");
    }
}
