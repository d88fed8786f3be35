package dev.sensorpipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.sensorpipeline.ingest.config.IngestConfig;
import dev.sensorpipeline.ingest.store.RejectItemMapper;
import dev.sensorpipeline.ingest.store.SensorItemMapper;
import dev.sensorpipeline.ingest.store.StoredItems;
import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.SyntheticEvent;
import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import dev.sensorpipeline.model.retry.Backoff;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** KPL aggregated records through the handler, against the small DynamoDB of our own. */
class AggregatedRecordsTest {

    private static final long T = 1_764_400_000L;

    private final FakeDynamoDb dynamoDb = new FakeDynamoDb();
    private final SyntheticEvent event = new SyntheticEvent();

    private IngestHandler handler() {
        IngestConfig config = IngestConfig.fromEnvironment(
                Map.of("AWS_REGION", "us-east-1", "WRITE_MAX_ATTEMPTS", "4"));
        Backoff noWaiting = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.0);
        return new IngestHandler(IngestFunction.create(config, dynamoDb, noWaiting, wait -> { }));
    }

    private StreamsEventResponse handle() {
        KinesisEvent loaded = EventLoader.loadKinesisEvent(event.writeToTempFile().toString());
        return handler().handleRequest(loaded, TestContext.withMinutesLeft(1));
    }

    private static byte[] reading(String sensor, long time, String temperature) {
        return ("{\"sensor_id\":\"" + sensor + "\",\"current_time\":" + time + ",\"temperature\":" + temperature + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An aggregate of {@code count} readings of sensor-1, at T, T+1, ..., all at 70.0. */
    private static KplAggregateBuilder readings(int count) {
        KplAggregateBuilder builder = new KplAggregateBuilder();
        for (int i = 0; i < count; i++) {
            builder.add("sensor-1", reading("sensor-1", T + i, "70.0"));
        }
        return builder;
    }

    private List<SensorReading> stored() {
        return dynamoDb.items("SensorData").stream().map(StoredItems::readingOf).toList();
    }

    private Map<String, Map<String, AttributeValue>> rejectsByKey() {
        return dynamoDb.items("SensorDataRejects").stream()
                .collect(Collectors.toMap(item -> item.get(RejectItemMapper.EVENT_ID).s(), item -> item));
    }

    private static Set<String> failures(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    }

    @Test
    void handle_storesEveryReadingOfAnAggregatedRecord() {
        // given
        event.add("sensor-1", readings(300).build());

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(300).extracting(SensorReading::currentTime).contains(T, T + 299);
    }

    @Test
    void handle_storesPlainAndAggregatedRecordsOfOneBatchAlike() {
        // given
        event.add("sensor-2", reading("sensor-2", T, "60.5"));
        event.add("sensor-1", readings(3).build());
        event.add("sensor-2", reading("sensor-2", T + 1, "61.5"));

        // when
        handle();

        // then
        assertThat(stored()).containsExactlyInAnyOrder(
                SensorReading.of("sensor-2", T, new BigDecimal("60.5")),
                SensorReading.of("sensor-1", T, new BigDecimal("70.0")),
                SensorReading.of("sensor-1", T + 1, new BigDecimal("70.0")),
                SensorReading.of("sensor-1", T + 2, new BigDecimal("70.0")),
                SensorReading.of("sensor-2", T + 1, new BigDecimal("61.5")));
    }

    @Test
    void handle_keepsTheLaterUserRecord_whenAKeyRepeatsInOneAggregate() {
        // given
        event.add("sensor-1", new KplAggregateBuilder().add("sensor-1", reading("sensor-1", T, "1"))
                .add("sensor-1", reading("sensor-1", T + 1, "2")).add("sensor-1", reading("sensor-1", T, "3")).build());

        // when
        handle();

        // then
        assertThat(stored()).filteredOn(r -> r.currentTime() == T).extracting(SensorReading::temperature)
                .containsExactly(new BigDecimal("3"));
    }

    @Test
    void handle_keepsALaterPlainRecord_overAnEarlierAggregatesReading() {
        // given
        event.add("sensor-1", new KplAggregateBuilder().add("sensor-1", reading("sensor-1", T, "1"))
                .add("sensor-1", reading("sensor-1", T + 1, "2")).build());
        event.add("sensor-1", reading("sensor-1", T, "3"));

        // when
        handle();

        // then
        assertThat(stored()).filteredOn(r -> r.currentTime() == T).extracting(SensorReading::temperature)
                .containsExactly(new BigDecimal("3"));
    }

    @Test
    void handle_keepsALaterAggregatesReading_overAnEarlierPlainRecord() {
        // given: the aggregate comes later in the shard, whatever its user record's index
        event.add("sensor-1", reading("sensor-1", T, "1"));
        event.add("sensor-1", new KplAggregateBuilder().add("sensor-1", reading("sensor-1", T + 1, "2"))
                .add("sensor-1", reading("sensor-1", T, "3")).build());

        // when
        handle();

        // then
        assertThat(stored()).filteredOn(r -> r.currentTime() == T).extracting(SensorReading::temperature)
                .containsExactly(new BigDecimal("3"));
    }

    @Test
    void handle_rejectsABadUserRecord_keyedEventIdHashIndex_withItsOwnKeyAndData_andStoresTheRest() {
        // given
        byte[] aggregate = readings(2).add("greenhouse-7", "not a reading".getBytes(StandardCharsets.UTF_8))
                .add("sensor-1", reading("sensor-1", T + 2, "70.0")).build();
        EventRecord record = event.add("sensor-1", aggregate);

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(3);
        Map<String, AttributeValue> reject = rejectsByKey().get(record.eventId() + "#2");
        assertThat(StoredItems.reasonOf(reject)).startsWith("record is not valid JSON");
        assertThat(StoredItems.rawDataOf(reject)).isEqualTo("not a reading");
        assertThat(reject.get(RejectItemMapper.PARTITION_KEY).s()).isEqualTo("greenhouse-7");
        assertThat(reject.get(RejectItemMapper.SEQUENCE_NUMBER).s()).isEqualTo(record.sequenceNumber());
        assertThat(reject.get(RejectItemMapper.SUB_SEQUENCE_NUMBER).n()).isEqualTo("2");
    }

    @Test
    void handle_rejectsACorruptAggregateWhole_keyedByItsEventId_withTheReason() {
        // given: one bit changed in the middle of an aggregate of 10 readings
        byte[] aggregate = readings(10).build();
        aggregate[aggregate.length / 2] ^= 0x10;
        EventRecord record = event.add("sensor-1", aggregate);

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stored()).isEmpty();
        Map<String, AttributeValue> reject = rejectsByKey().get(record.eventId());
        assertThat(StoredItems.reasonOf(reject)).startsWith("aggregated record is corrupt: MD5 mismatch");
        assertThat(reject.get(RejectItemMapper.RAW_DATA).b().asByteArray()).isEqualTo(aggregate);
        assertThat(reject).doesNotContainKey(RejectItemMapper.SUB_SEQUENCE_NUMBER);
    }

    @Test
    void handle_rejectsAnAggregateCutShort_whole() {
        // given: the magic and a few bytes, less than a checksum
        event.add("sensor-1", Arrays.copyOf(readings(1).build(), 12));

        // when
        handle();

        // then
        assertThat(dynamoDb.items("SensorDataRejects")).extracting(StoredItems::reasonOf).containsExactly(
                "aggregated record is corrupt: truncated: 8 bytes after the magic, fewer than the 16-byte MD5 "
                        + "checksum");
    }

    @Test
    void handle_reportsEachAggregatedRecordOnce_byItsSequenceNumber_whenWritesKeepFailing() {
        // given
        EventRecord aggregate = event.add("sensor-1", readings(60).build());
        EventRecord plain = event.add("sensor-2", reading("sensor-2", T, "60.0"));
        dynamoDb.down(true);

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(aggregate.sequenceNumber(), plain.sequenceNumber());
    }

    @Test
    void handle_reportsTheAggregatesSequenceNumber_whenTheWriteOfOneOfItsReadingsFails() {
        // given: the request holding user record 37 of the second aggregate keeps failing
        event.add("sensor-1", readings(10).build());
        EventRecord aggregate = event.add("sensor-3", new KplAggregateBuilder()
                .add("sensor-3", reading("sensor-3", T, "1")).add("sensor-3", reading("sensor-3", T + 37, "2"))
                .build());
        dynamoDb.failingRequestsWith(item -> item.get(SensorItemMapper.SENSOR_ID).s().equals("sensor-3")
                && item.get(SensorItemMapper.CURRENT_TIME).n().equals(Long.toString(T + 37)));

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(failures(response)).contains(aggregate.sequenceNumber());
        assertThat(stored()).doesNotContain(SensorReading.of("sensor-3", T + 37, new BigDecimal("2")));
    }

    @Test
    void handle_storesEverything_whenLambdaReplaysFromTheReportedAggregate() {
        // given a first invocation that failed on one reading of the aggregate
        EventRecord aggregate = event.add("sensor-1", readings(60).build());
        dynamoDb.failingRequestsWith(item -> item.get(SensorItemMapper.CURRENT_TIME).n().equals(Long.toString(T + 7)));
        assertThat(failures(handle())).containsExactly(aggregate.sequenceNumber());
        dynamoDb.failingRequestsWith(item -> false);

        // when Lambda replays the batch from that record
        StreamsEventResponse replay = handle();

        // then
        assertThat(replay.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(60);
    }

    @Test
    void handle_sendsAUserRecordDynamoDbRefuses_toTheRejectsTable_underItsOwnKey() {
        // given
        EventRecord record = event.add("sensor-1", readings(5).build());
        dynamoDb.refusing(item -> item.containsKey(SensorItemMapper.CURRENT_TIME)
                && item.get(SensorItemMapper.CURRENT_TIME).n().equals(Long.toString(T + 3)));

        // when
        StreamsEventResponse response = handle();

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(4);
        assertThat(StoredItems.reasonOf(rejectsByKey().get(record.eventId() + "#3")))
                .startsWith("DynamoDB refused the reading: ");
    }
}
