package dev.sensorpipeline.model.kpl;

import static dev.sensorpipeline.model.kpl.ProtoBytes.framed;
import static dev.sensorpipeline.model.kpl.ProtoBytes.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KplAggregateTest {

    private static final String READING =
            "{\"sensor_id\":\"sensor-1\",\"current_time\":1764400000,\"temperature\":73.2}";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer data) {
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }

    private static List<UserRecord> userRecords(Deaggregation result) {
        assertThat(result).isInstanceOf(Deaggregation.Deaggregated.class);
        return ((Deaggregation.Deaggregated) result).userRecords();
    }

    private static String reason(Deaggregation result) {
        assertThat(result).isInstanceOf(Deaggregation.Corrupt.class);
        return ((Deaggregation.Corrupt) result).reason();
    }

    /** The KPL's own field layout, by hand: one partition key, the records pointing at it. */
    private static ProtoBytes aggregateOf(ProtoBytes... records) {
        ProtoBytes message = new ProtoBytes().string(Protobuf.PARTITION_KEY_TABLE, "sensor-1");
        for (ProtoBytes record : records) {
            message.message(Protobuf.RECORDS, record);
        }
        return message;
    }

    @Test
    void buildThenDeaggregate_givesBackEveryUserRecord_inOrder_withItsKeys() {
        // given
        byte[] aggregate = new KplAggregateBuilder()
                .add("sensor-1", utf8("one"))
                .add("sensor-2", "170141183460469231731687303715884105728", utf8("two"))
                .add("sensor-1", utf8(""))
                .build();

        // when
        List<UserRecord> records = userRecords(KplAggregate.deaggregate(aggregate));

        // then
        assertThat(records).extracting(UserRecord::partitionKey).containsExactly("sensor-1", "sensor-2", "sensor-1");
        assertThat(records).extracting(UserRecord::explicitHashKey)
                .containsExactly(null, "170141183460469231731687303715884105728", null);
        assertThat(records).extracting(r -> text(r.data())).containsExactly("one", "two", "");
    }

    @Test
    void build_writesEachPartitionKeyOnce() {
        // given
        KplAggregateBuilder builder = new KplAggregateBuilder();
        for (int i = 0; i < 100; i++) {
            builder.add("sensor-with-a-long-identifier-" + (i % 2), utf8(READING));
        }

        // when
        String aggregate = new String(builder.build(), StandardCharsets.ISO_8859_1);

        // then
        assertThat(aggregate.split("sensor-with-a-long-identifier-0", -1)).hasSize(2);
    }

    @Test
    void size_isExactlyTheLengthBuilt_afterEveryAdd() {
        // given
        KplAggregateBuilder builder = new KplAggregateBuilder();

        // when / then: keys new and known, data of every varint length up to three bytes
        for (int i = 0; i < 40; i++) {
            byte[] data = new byte[i * i * 13];
            String hashKey = i % 3 == 0 ? null : Integer.toString(i % 5);
            int predicted = builder.sizeWith("key-" + (i % 4), hashKey, data);
            builder.add("key-" + (i % 4), hashKey, data);
            assertThat(builder.build()).hasSize(predicted).hasSize(builder.size());
        }
    }

    @Test
    void build_endsWithTheMd5OfTheMessage_andStartsWithTheMagic() throws Exception {
        // given
        byte[] aggregate = new KplAggregateBuilder().add("k", utf8(READING)).build();

        // when
        byte[] message = Arrays.copyOfRange(aggregate, 4, aggregate.length - 16);

        // then
        assertThat(Arrays.copyOfRange(aggregate, 0, 4)).containsExactly(0xF3, 0x89, 0x9A, 0xC2);
        assertThat(Arrays.copyOfRange(aggregate, aggregate.length - 16, aggregate.length))
                .isEqualTo(java.security.MessageDigest.getInstance("MD5").digest(message));
    }

    @Test
    void build_refusesAnEmptyAggregate() {
        assertThatThrownBy(() -> new KplAggregateBuilder().build()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "12a", "340282366920938463463374607431768211456"})
    void add_refusesAnExplicitHashKeyThatIsNotOne(String hashKey) {
        assertThatThrownBy(() -> new KplAggregateBuilder().add("k", hashKey, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimal number from 0 to 2^128 - 1");
    }

    @Test
    void isAggregated_looksAtTheMagicOnly_leavingThePositionAlone() {
        // given
        ByteBuffer aggregate = ByteBuffer.wrap(new byte[] {0, (byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2});
        aggregate.position(1);

        // when / then
        assertThat(KplAggregate.isAggregated(aggregate)).isTrue();
        assertThat(aggregate.position()).isEqualTo(1);
        assertThat(KplAggregate.isAggregated(utf8(READING))).isFalse();
        assertThat(KplAggregate.isAggregated(new byte[] {(byte) 0xF3, (byte) 0x89, (byte) 0x9A})).isFalse();
    }

    @Test
    void deaggregate_readsABufferAtItsPosition_andLeavesItThere() {
        // given an aggregate in the middle of a larger array
        byte[] aggregate = new KplAggregateBuilder().add("k", utf8(READING)).build();
        byte[] padded = new byte[aggregate.length + 10];
        System.arraycopy(aggregate, 0, padded, 7, aggregate.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, 7, aggregate.length);

        // when
        List<UserRecord> records = userRecords(KplAggregate.deaggregate(buffer));

        // then
        assertThat(text(records.get(0).data())).isEqualTo(READING);
        assertThat(buffer.position()).isEqualTo(7);
    }

    @Test
    void deaggregate_readsADirectBuffer() {
        // given
        byte[] aggregate = new KplAggregateBuilder().add("k", utf8(READING)).build();
        ByteBuffer direct = ByteBuffer.allocateDirect(aggregate.length).put(aggregate).flip();

        // when / then
        assertThat(userRecords(KplAggregate.deaggregate(direct))).extracting(r -> text(r.data()))
                .containsExactly(READING);
    }

    @Test
    void deaggregate_skipsUnknownFieldsOfEveryWireType_asProtobufDoes() {
        // given: a field 9 of each wire type in the aggregate, a group among them, and a field 7 in the record
        ProtoBytes message = new ProtoBytes()
                .uint(9, 300)
                .tag(9, Protobuf.FIXED64).raw(1, 2, 3, 4, 5, 6, 7, 8)
                .tag(9, Protobuf.FIXED32).raw(1, 2, 3, 4)
                .bytes(9, new byte[] {1, 2, 3})
                .tag(9, Protobuf.START_GROUP).uint(1, 5).tag(2, Protobuf.START_GROUP).tag(2, Protobuf.END_GROUP)
                .tag(9, Protobuf.END_GROUP)
                .string(Protobuf.PARTITION_KEY_TABLE, "sensor-1")
                .message(Protobuf.RECORDS, record(0, READING).uint(7, 1));

        // when / then
        assertThat(userRecords(KplAggregate.deaggregate(framed(message)))).extracting(r -> text(r.data()))
                .containsExactly(READING);
    }

    @Test
    void deaggregate_findsTheTablesAfterTheRecords_sinceFieldsMayComeInAnyOrder() {
        // given
        ProtoBytes message = new ProtoBytes().message(Protobuf.RECORDS, record(0, READING))
                .string(Protobuf.PARTITION_KEY_TABLE, "sensor-1");

        // when / then
        assertThat(userRecords(KplAggregate.deaggregate(framed(message)))).extracting(UserRecord::partitionKey)
                .containsExactly("sensor-1");
    }

    @Test
    void deaggregate_takesTheLastValue_ofAFieldGivenTwice_asProtobufDoes() {
        // given
        ProtoBytes message = new ProtoBytes().string(Protobuf.PARTITION_KEY_TABLE, "a")
                .string(Protobuf.PARTITION_KEY_TABLE, "b")
                .message(Protobuf.RECORDS, record(0, READING).uint(Protobuf.PARTITION_KEY_INDEX, 1));

        // when / then
        assertThat(userRecords(KplAggregate.deaggregate(framed(message)))).extracting(UserRecord::partitionKey)
                .containsExactly("b");
    }

    @Test
    void deaggregate_acceptsTagsWithAKey() {
        // given
        ProtoBytes tag = new ProtoBytes().string(Protobuf.TAG_KEY, "source").string(Protobuf.TAG_VALUE, "test");
        ProtoBytes message = aggregateOf(record(0, READING).message(Protobuf.TAGS, tag));

        // when / then
        assertThat(userRecords(KplAggregate.deaggregate(framed(message)))).hasSize(1);
    }

    @Test
    void aChangedByte_isAnMd5Mismatch() {
        // given
        byte[] aggregate = new KplAggregateBuilder().add("k", utf8(READING)).build();
        aggregate[20] ^= 1;

        // when / then
        assertThat(reason(KplAggregate.deaggregate(aggregate))).startsWith("MD5 mismatch");
    }

    @Test
    void aCutOffAggregate_isAnMd5Mismatch() {
        // given
        byte[] aggregate = new KplAggregateBuilder().add("k", utf8(READING)).build();

        // when / then
        assertThat(reason(KplAggregate.deaggregate(Arrays.copyOf(aggregate, aggregate.length - 1))))
                .startsWith("MD5 mismatch");
    }

    @Test
    void theMagicAlone_isTruncated() {
        assertThat(reason(KplAggregate.deaggregate(Arrays.copyOf(KplAggregate.magic(), 19))))
                .isEqualTo("truncated: 15 bytes after the magic, fewer than the 16-byte MD5 checksum");
    }

    @Test
    void dataWithoutTheMagic_isNotAnAggregate() {
        assertThat(reason(KplAggregate.deaggregate(utf8(READING))))
                .isEqualTo("does not start with the magic bytes F3 89 9A C2");
    }

    @Test
    void anEmptyMessage_holdsNoUserRecords() {
        assertThat(reason(KplAggregate.deaggregate(framed(new byte[0])))).isEqualTo("it holds no user records");
    }

    @Test
    void aRecordClaimingMoreBytesThanTheMessageHas_isTruncated() {
        // given: a record of 2 bytes that says it has 100
        ProtoBytes message = new ProtoBytes().string(Protobuf.PARTITION_KEY_TABLE, "k")
                .tag(Protobuf.RECORDS, Protobuf.LENGTH_DELIMITED).varint(100).raw(8, 0);

        // when / then: the record's length prefix is at offset 4 + 3 + 1
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("truncated: record 0 at offset 8 claims 100 bytes, but only 2 are left in its message");
    }

    @Test
    void dataClaimingMoreBytesThanItsRecordHas_isTruncated_evenWhenTheMessageHasThem() {
        // given: data of 5 bytes claiming 10, ending its record, followed by more of the message
        ProtoBytes record = new ProtoBytes().uint(Protobuf.PARTITION_KEY_INDEX, 0)
                .tag(Protobuf.DATA, Protobuf.LENGTH_DELIMITED).varint(10).raw(utf8("12345"));
        ProtoBytes message = aggregateOf(record).string(Protobuf.PARTITION_KEY_TABLE, "padding-padding");

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message)))).startsWith("truncated: the data of record 0 at")
                .endsWith("claims 10 bytes, but only 5 are left in its message");
    }

    @Test
    void aLengthOfTwoToThe63_isTruncated_withoutAllocatingIt() {
        // given
        ProtoBytes message = new ProtoBytes().tag(Protobuf.PARTITION_KEY_TABLE, Protobuf.LENGTH_DELIMITED)
                .varint(Long.MIN_VALUE);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("truncated: partition key 0 at offset 5 claims 9223372036854775808 bytes, but only 0 "
                        + "are left in its message");
    }

    @Test
    void aVarintOfElevenBytes_isABadVarint() {
        // given
        ProtoBytes message = new ProtoBytes().tag(Protobuf.RECORDS, Protobuf.LENGTH_DELIMITED)
                .raw(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("bad varint at offset 5: more than 10 bytes");
    }

    @Test
    void aVarintRunningPastTheEnd_isTruncated() {
        // given
        ProtoBytes message = aggregateOf(record(0, READING)).tag(9, Protobuf.VARINT).raw(0x80);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .matches("truncated: the varint at offset \\d+ runs past the end of its message");
    }

    @Test
    void aPartitionKeyIndexPastTheTable_isOutOfRange() {
        // given
        ProtoBytes message = aggregateOf(record(0, READING), record(1, READING));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("record 1: partition_key_index 1 is out of range; its table has 1 entries");
    }

    @Test
    void theLargestIndex_isOutOfRange_notANegativeNumber() {
        // given
        ProtoBytes message = aggregateOf(record(-1L, READING));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("record 0: partition_key_index 18446744073709551615 is out of range; its table has 1 "
                        + "entries");
    }

    @Test
    void anExplicitHashKeyIndex_withoutAnExplicitHashKeyTable_isOutOfRange() {
        // given
        ProtoBytes message = aggregateOf(record(0, READING).uint(Protobuf.EXPLICIT_HASH_KEY_INDEX, 0));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("record 0: explicit_hash_key_index 0 is out of range; its table has 0 entries");
    }

    @Test
    void aPartitionKeyThatIsNotUtf8_isSaidSo() {
        // given
        ProtoBytes message = new ProtoBytes().bytes(Protobuf.PARTITION_KEY_TABLE, new byte[] {'k', (byte) 0xFF})
                .message(Protobuf.RECORDS, record(0, READING));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("partition key 0 at offset 5 is not valid UTF-8");
    }

    @Test
    void aRecordWithoutAPartitionKeyIndex_lacksARequiredField() {
        // given
        ProtoBytes message = aggregateOf(new ProtoBytes().string(Protobuf.DATA, READING));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("record 0 has no partition_key_index, a required field");
    }

    @Test
    void aRecordWithoutData_lacksARequiredField() {
        // given
        ProtoBytes message = aggregateOf(new ProtoBytes().uint(Protobuf.PARTITION_KEY_INDEX, 0));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("record 0 has no data, a required field");
    }

    @Test
    void aTagWithoutAKey_lacksARequiredField() {
        // given
        ProtoBytes message = aggregateOf(record(0, READING).message(Protobuf.TAGS,
                new ProtoBytes().string(Protobuf.TAG_VALUE, "v")));

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("a tag of record 0 has no key, a required field");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7})
    void anInvalidWireType_isAnInvalidTag(int wireType) {
        // given
        ProtoBytes message = aggregateOf(record(0, READING)).tag(9, wireType);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .matches("invalid tag at offset \\d+: wire type " + wireType);
    }

    @Test
    void fieldNumberZero_isAnInvalidTag() {
        assertThat(reason(KplAggregate.deaggregate(framed(new ProtoBytes().raw(0x00, 0x00)))))
                .isEqualTo("invalid tag at offset 4: field number 0");
    }

    @Test
    void anEndGroupTagOutOfAGroup_isUnexpected() {
        assertThat(reason(KplAggregate.deaggregate(framed(new ProtoBytes().tag(9, Protobuf.END_GROUP)))))
                .isEqualTo("unexpected end-group tag of field 9 at offset 4");
    }

    @Test
    void aGroupClosedByAnotherFieldsEndTag_isSaidSo() {
        // given
        ProtoBytes message = new ProtoBytes().tag(9, Protobuf.START_GROUP).tag(8, Protobuf.END_GROUP);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .isEqualTo("the group of field 9 at offset 4 ends with the end tag of field 8");
    }

    @Test
    void aGroupWithoutItsEndTag_isTruncated() {
        assertThat(reason(KplAggregate.deaggregate(framed(new ProtoBytes().tag(9, Protobuf.START_GROUP)))))
                .isEqualTo("truncated: the group of field 9 at offset 4 has no end tag");
    }

    @Test
    void groupsNestedDeeperThanProtobufAllows_areSaidSo_withoutOverflowingTheStack() {
        // given
        ProtoBytes message = new ProtoBytes();
        for (int i = 0; i < 5000; i++) {
            message.tag(9, Protobuf.START_GROUP);
        }

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message)))).startsWith("groups nested more than 100 deep");
    }

    @Test
    void aFixedValueRunningPastTheEnd_isTruncated() {
        // given
        ProtoBytes message = aggregateOf(record(0, READING)).tag(9, Protobuf.FIXED64).raw(1, 2, 3);

        // when / then
        assertThat(reason(KplAggregate.deaggregate(framed(message))))
                .matches("truncated: the 64-bit value of field 9 at offset \\d+ runs past the end of its message");
    }
}
