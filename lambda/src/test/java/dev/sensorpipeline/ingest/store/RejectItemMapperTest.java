package dev.sensorpipeline.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.ingest.record.SourceRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RejectItemMapperTest {

    private final RejectItemMapper mapper = new RejectItemMapper();
    private final Instant now = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void toItem_keepsAtMost64KiBOfRawData_andSaysItWasCut() {
        // given a 1 MiB record, the most Kinesis takes
        SourceRecord record = new SourceRecord("shardId-000000000000:1", "1", "pk", null, null,
                ByteBuffer.wrap(new byte[1024 * 1024]));

        // when
        Map<String, AttributeValue> item = mapper.toItem(record, "record is 1048576 bytes", now);

        // then the item stays far inside DynamoDB's 400 KB
        assertThat(item.get(RejectItemMapper.RAW_DATA).b().asByteArray()).hasSize(64 * 1024);
        assertThat(item.get(RejectItemMapper.RAW_DATA_TRUNCATED).bool()).isTrue();
        assertThat(item.get(RejectItemMapper.RAW_DATA_BYTES).n()).isEqualTo("1048576");
    }

    @Test
    void toItem_boundsTheKey_withinDynamoDbs2048Bytes_evenForWideCharacters() {
        // given a hand-made eventID of 1000 three-byte characters
        SourceRecord record = new SourceRecord("\u20ac".repeat(1000), "1", "pk", null, null, ByteBuffer.allocate(0));

        // when
        String key = mapper.toItem(record, "reason", now).get(RejectItemMapper.EVENT_ID).s();

        // then
        assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    }

    @Test
    void toItem_keysOnTheSequenceNumber_whenAHandMadeEventHasNoEventId() {
        // given
        SourceRecord record = new SourceRecord(null, "42", "pk", null, null, ByteBuffer.wrap(new byte[] {1}));

        // when / then
        assertThat(mapper.toItem(record, "reason", now).get(RejectItemMapper.EVENT_ID).s()).isEqualTo("sequence:42");
    }

    @Test
    void toItem_keysOnADigestOfTheData_whenThereIsNeitherEventIdNorSequenceNumber() {
        // given two records with the same bytes
        SourceRecord first = new SourceRecord(null, null, null, null, null, ByteBuffer.wrap(new byte[] {1, 2}));
        SourceRecord replay = new SourceRecord(null, null, null, null, null, ByteBuffer.wrap(new byte[] {1, 2}));

        // when / then a replay lands on the same item
        assertThat(mapper.toItem(first, "r", now).get(RejectItemMapper.EVENT_ID))
                .isEqualTo(mapper.toItem(replay, "r", now).get(RejectItemMapper.EVENT_ID));
    }

    @Test
    void toItem_keysAUserRecord_onItsAggregatesEventIdAndItsIndex_withItsOwnKeyAndData() {
        // given user record 7 of an aggregated record
        SourceRecord aggregate = new SourceRecord("shardId-000000000000:42", "42", "sensor-1", null, null,
                ByteBuffer.wrap(new byte[] {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2}));
        SourceRecord userRecord = aggregate.userRecord(7, "sensor-9",
                ByteBuffer.wrap("oops".getBytes(StandardCharsets.UTF_8)));

        // when
        Map<String, AttributeValue> item = mapper.toItem(userRecord, "reason", now);

        // then
        assertThat(item.get(RejectItemMapper.EVENT_ID).s()).isEqualTo("shardId-000000000000:42#7");
        assertThat(item.get(RejectItemMapper.SUB_SEQUENCE_NUMBER).n()).isEqualTo("7");
        assertThat(item.get(RejectItemMapper.SEQUENCE_NUMBER).s()).isEqualTo("42");
        assertThat(item.get(RejectItemMapper.PARTITION_KEY).s()).isEqualTo("sensor-9");
        assertThat(StoredItems.rawDataOf(item)).isEqualTo("oops");
    }

    @Test
    void toItem_keepsUserRecordsOfAHandMadeEventApart_withoutEventId() {
        // given two user records of one aggregate without eventID, with the same bytes
        SourceRecord aggregate = new SourceRecord(null, "42", null, null, null, ByteBuffer.allocate(0));
        SourceRecord first = aggregate.userRecord(0, "k", ByteBuffer.wrap(new byte[] {1}));
        SourceRecord second = aggregate.userRecord(1, "k", ByteBuffer.wrap(new byte[] {1}));

        // when / then
        assertThat(mapper.toItem(first, "r", now).get(RejectItemMapper.EVENT_ID).s()).isEqualTo("sequence:42#0");
        assertThat(mapper.toItem(second, "r", now).get(RejectItemMapper.EVENT_ID).s()).isEqualTo("sequence:42#1");
    }
}
