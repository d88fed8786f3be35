package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.StoredItems;
import dev.sensorpipeline.model.ReadingKey;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.event.SyntheticEvent;
import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import dev.sensorpipeline.testkit.AwsCli;
import dev.sensorpipeline.testkit.LocalAws;
import dev.sensorpipeline.testkit.LocalTables;
import dev.sensorpipeline.testkit.MotoServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * KPL aggregated records mixed with plain ones, through the handler, into a real local DynamoDB (moto) with the
 * tables made from infra/ by the aws CLI; the event built as Lambda delivers it and loaded by the runtime's own
 * serializer.
 */
class AggregatedRecordsIT {

    private static final MotoServer MOTO = MotoServer.shared();

    private static DynamoDbClient reader;

    @BeforeAll
    static void createTablesFromInfra() {
        MOTO.reset();
        AwsCli cli = new AwsCli(MOTO.endpoint());
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-table.json").orThrow();
        cli.run("dynamodb", "create-table", "--cli-input-json", "file://infra/sensor-data-rejects-table.json")
                .orThrow();
        reader = LocalAws.dynamoDb(MOTO.endpoint());
    }

    @BeforeEach
    void emptyTheTables() {
        LocalTables.truncate(reader, "SensorData", "SensorId", "CurrentTime");
        LocalTables.truncate(reader, "SensorDataRejects", "EventId");
    }

    @AfterAll
    static void closeReader() {
        reader.close();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return reader.scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void handle_leavesExactlyTheLatestReadings_andEveryBadUserRecordAndCorruptAggregateAsAReject(long seed) {
        // given hundreds of records, plain and aggregated, holding thousands of readings
        MixedBatch batch = new MixedBatch(seed, 200);

        // when
        StreamsEventResponse response = IngestHandlerIT.handlerAgainst(MOTO.endpoint())
                .handleRequest(batch.load(), TestContext.withMinutesLeft(2));

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<ReadingKey, SensorReading> stored = scan("SensorData").stream().map(StoredItems::readingOf)
                .collect(Collectors.toMap(SensorReading::key, AggregatedRecordsIT::byValue));
        assertThat(stored).isEqualTo(batch.latestByKey.values().stream()
                .collect(Collectors.toMap(SensorReading::key, AggregatedRecordsIT::byValue)));
        Map<String, String> rejects = scan("SensorDataRejects").stream().collect(Collectors.toMap(
                item -> item.get(RejectItemMapper.EVENT_ID).s(), StoredItems::reasonOf));
        assertThat(rejects.keySet()).isEqualTo(batch.rejectReasonStarts.keySet());
        rejects.forEach((key, reason) -> assertThat(reason).startsWith(batch.rejectReasonStarts.get(key)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4})
    void handle_isIdempotent_whenLambdaReplaysABatchOfAggregates(long seed) {
        // given
        MixedBatch batch = new MixedBatch(seed, 100);
        IngestHandler handler = IngestHandlerIT.handlerAgainst(MOTO.endpoint());
        handler.handleRequest(batch.load(), TestContext.withMinutesLeft(2));

        // when
        StreamsEventResponse replay = handler.handleRequest(batch.load(), TestContext.withMinutesLeft(2));

        // then
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(scan("SensorData")).hasSize(batch.latestByKey.size());
        assertThat(scan("SensorDataRejects")).hasSize(batch.rejectReasonStarts.size());
    }

    /** The reading with its numbers stripped of trailing zeros, to compare values rather than notations. */
    private static SensorReading byValue(SensorReading reading) {
        return new SensorReading(reading.sensorId(), reading.currentTime(), reading.temperature().stripTrailingZeros(),
                reading.humidity() == null ? null : reading.humidity().stripTrailingZeros());
    }

    /**
     * A batch no fixture holds, from a seed: plain readings, plain bad records, aggregates of up to 80 user records
     * (some bad), and corrupt aggregates; keys repeat across all of them. It knows what the tables must hold after.
     */
    static final class MixedBatch {

        final SyntheticEvent event = new SyntheticEvent();
        final Map<ReadingKey, SensorReading> latestByKey = new HashMap<>();
        /** Reject keys and how their reasons start. */
        final Map<String, String> rejectReasonStarts = new HashMap<>();
        private final Random random;

        MixedBatch(long seed, int records) {
            random = new Random(seed);
            for (int i = 0; i < records; i++) {
                int kind = random.nextInt(20);
                if (kind < 8) {
                    SensorReading reading = reading();
                    event.add(reading.sensorId(), json(reading));
                    latestByKey.put(reading.key(), reading);
                } else if (kind < 10) {
                    String eventId = event.add("bad", "{\"sensor_id\":\"\"}".getBytes(StandardCharsets.UTF_8))
                            .eventId();
                    rejectReasonStarts.put(eventId, "sensor_id is empty");
                } else if (kind < 19) {
                    addAggregate();
                } else {
                    byte[] corrupt = new KplAggregateBuilder().add("sensor-1", json(reading())).build();
                    corrupt[corrupt.length - 1] ^= 1;
                    String eventId = event.add("sensor-1", corrupt).eventId();
                    rejectReasonStarts.put(eventId, "aggregated record is corrupt: MD5 mismatch");
                }
            }
        }

        private void addAggregate() {
            KplAggregateBuilder builder = new KplAggregateBuilder();
            Map<ReadingKey, SensorReading> readings = new HashMap<>();
            Map<Integer, String> bad = new HashMap<>();
            int count = 1 + random.nextInt(80);
            for (int index = 0; index < count; index++) {
                if (random.nextInt(25) == 0) {
                    builder.add("sensor-1", "[]".getBytes(StandardCharsets.UTF_8));
                    bad.put(index, "record is a JSON array");
                } else {
                    SensorReading reading = reading();
                    builder.add(reading.sensorId(), json(reading));
                    readings.put(reading.key(), reading);
                }
            }
            String eventId = event.add("sensor-1", builder.build()).eventId();
            latestByKey.putAll(readings);
            bad.forEach((index, reason) -> rejectReasonStarts.put(eventId + "#" + index, reason));
        }

        /** Few sensors and times, so keys repeat within and across records. */
        private SensorReading reading() {
            String sensor = "sensor-" + (1 + random.nextInt(5));
            long time = 1_764_400_000L + random.nextInt(300);
            BigDecimal temperature = BigDecimal.valueOf(400 + random.nextInt(600), 1);
            BigDecimal humidity = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(1000), 1) : null;
            return new SensorReading(sensor, time, temperature, humidity);
        }

        private static byte[] json(SensorReading reading) {
            return ("{\"sensor_id\":\"" + reading.sensorId() + "\",\"current_time\":" + reading.currentTime()
                    + ",\"temperature\":" + reading.temperature().toPlainString()
                    + (reading.humidity() == null ? "" : ",\"humidity\":" + reading.humidity().toPlainString())
                    + "}").getBytes(StandardCharsets.UTF_8);
        }

        KinesisEvent load() {
            return EventLoader.loadKinesisEvent(event.writeToTempFile().toString());
        }
    }
}
