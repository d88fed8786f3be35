package dev.sensorpipeline.model.kpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever follows the magic, the decoder answers with user records or a reason; it never throws. Most random bytes
 * fail the checksum, so the properties that reach the parser give their messages a true MD5.
 */
class KplAggregatePropertiesTest {

    @Property(tries = 2000)
    void deaggregate_answersAnyBytesAfterTheMagic(@ForAll @Size(max = 300) byte[] rest) {
        byte[] data = new ProtoBytes().raw(KplAggregate.magic()).raw(rest).toByteArray();
        assertAnswered(KplAggregate.deaggregate(data));
    }

    @Property(tries = 3000)
    void deaggregate_answersAnyMessageWithATrueChecksum(@ForAll @Size(max = 300) byte[] message) {
        assertAnswered(KplAggregate.deaggregate(ProtoBytes.framed(message)));
    }

    @Property(tries = 3000)
    void deaggregate_answersAnyProtobufShapedMessage(@ForAll("protobufShaped") byte[] message) {
        assertAnswered(KplAggregate.deaggregate(ProtoBytes.framed(message)));
    }

    @Property(tries = 2000)
    void deaggregate_answersAnAggregateWithOneByteChanged_andItsChecksumMadeTrue(
            @ForAll("userRecords") List<UserRecord> records, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        byte[] aggregate = build(records);
        byte[] message = Arrays.copyOfRange(aggregate, 4, aggregate.length - 16);
        message[where % message.length] = value;
        assertAnswered(KplAggregate.deaggregate(ProtoBytes.framed(message)));
    }

    @Property(tries = 2000)
    void deaggregate_answersAnAggregateCutShort_withItsChecksumMadeTrue(
            @ForAll("userRecords") List<UserRecord> records, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] aggregate = build(records);
        byte[] message = Arrays.copyOfRange(aggregate, 4, aggregate.length - 16);
        assertAnswered(KplAggregate.deaggregate(ProtoBytes.framed(Arrays.copyOf(message, cut % message.length))));
    }

    @Property(tries = 2000)
    void buildThenDeaggregate_givesBackEveryUserRecord(@ForAll("userRecords") List<UserRecord> records) {
        Deaggregation result = KplAggregate.deaggregate(build(records));
        assertThat(result).isEqualTo(new Deaggregation.Deaggregated(records));
    }

    @Property(tries = 1000)
    void deaggregate_ignoresUnknownFields_wherever_asProtobufDoes(@ForAll("userRecords") List<UserRecord> records,
            @ForAll("unknownFields") List<byte[]> unknown) {
        // the KPL's layout by hand, one table entry per key, unknown fields between all fields
        ProtoBytes message = new ProtoBytes();
        int next = 0;
        int hashKeys = 0;
        for (int i = 0; i < records.size(); i++) {
            UserRecord record = records.get(i);
            message.raw(unknown.get(next++ % unknown.size()))
                    .string(Protobuf.PARTITION_KEY_TABLE, record.partitionKey());
            ProtoBytes body = new ProtoBytes().raw(unknown.get(next++ % unknown.size()))
                    .uint(Protobuf.PARTITION_KEY_INDEX, i).raw(unknown.get(next++ % unknown.size()))
                    .bytes(Protobuf.DATA, bytes(record.data())).raw(unknown.get(next++ % unknown.size()));
            if (record.explicitHashKey() != null) {
                message.string(Protobuf.EXPLICIT_HASH_KEY_TABLE, record.explicitHashKey());
                body.uint(Protobuf.EXPLICIT_HASH_KEY_INDEX, hashKeys++);
            }
            message.message(Protobuf.RECORDS, body).raw(unknown.get(next++ % unknown.size()));
        }
        assertThat(KplAggregate.deaggregate(ProtoBytes.framed(message)))
                .isEqualTo(new Deaggregation.Deaggregated(records));
    }

    @Property(tries = 1000)
    void size_predictsTheLengthBuilt(@ForAll("userRecords") List<UserRecord> records) {
        KplAggregateBuilder builder = new KplAggregateBuilder();
        for (UserRecord record : records) {
            int predicted = builder.sizeWith(record.partitionKey(), record.explicitHashKey(), bytes(record.data()));
            builder.add(record.partitionKey(), record.explicitHashKey(), bytes(record.data()));
            assertThat(builder.size()).isEqualTo(predicted);
        }
        assertThat(builder.build()).hasSize(builder.size());
    }

    private static void assertAnswered(Deaggregation result) {
        assertThat(result).isNotNull();
        if (result instanceof Deaggregation.Corrupt corrupt) {
            assertThat(corrupt.reason()).isNotBlank();
        } else {
            assertThat(((Deaggregation.Deaggregated) result).userRecords()).isNotEmpty();
        }
    }

    private static byte[] build(List<UserRecord> records) {
        KplAggregateBuilder builder = new KplAggregateBuilder();
        records.forEach(r -> builder.add(r.partitionKey(), r.explicitHashKey(), bytes(r.data())));
        return builder.build();
    }

    private static byte[] bytes(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }

    @Provide
    Arbitrary<List<UserRecord>> userRecords() {
        Arbitrary<String> keys = Arbitraries.strings().ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        Arbitrary<String> hashKeys = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
                .map(BigInteger::toString).injectNull(0.5);
        Arbitrary<ByteBuffer> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(ByteBuffer::wrap);
        Arbitrary<UserRecord> record = Combinators.combine(keys, hashKeys, data).as(UserRecord::new);
        return record.list().ofMinSize(1).ofMaxSize(30);
    }

    /** Well-formed fields of numbers the KPL does not use, of every wire type, groups included. */
    @Provide
    Arbitrary<List<byte[]>> unknownFields() {
        Arbitrary<byte[]> field = Combinators.combine(Arbitraries.integers().between(5, 2000),
                Arbitraries.of(0, 1, 2, 3, 5), Arbitraries.longs()).as((number, wireType, value) -> {
                    ProtoBytes out = new ProtoBytes();
                    switch (wireType) {
                        case Protobuf.VARINT -> out.uint(number, value);
                        case Protobuf.FIXED64 -> out.tag(number, wireType).raw(new byte[8]);
                        case Protobuf.FIXED32 -> out.tag(number, wireType).raw(new byte[4]);
                        case Protobuf.LENGTH_DELIMITED -> out.bytes(number, new byte[(int) (value & 0xFF)]);
                        default -> out.tag(number, Protobuf.START_GROUP).uint(1, value).bytes(2, new byte[3])
                                .tag(number, Protobuf.END_GROUP);
                    }
                    return out.toByteArray();
                });
        return Arbitraries.oneOf(field, Arbitraries.just(new byte[0])).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Sequences of fields with valid tags, random wire types and lengths near the truth: the parser's edges. */
    @Provide
    Arbitrary<byte[]> protobufShaped() {
        Arbitrary<int[]> field = Combinators.combine(
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(-2, 2)).as((number, wireType, length, error) ->
                new int[] {number, wireType, length, error});
        return field.list().ofMaxSize(12).map(fields -> {
            ProtoBytes out = new ProtoBytes();
            for (int[] f : fields) {
                out.tag(f[0], f[1]);
                switch (f[1]) {
                    case Protobuf.VARINT -> out.varint(f[2]);
                    case Protobuf.LENGTH_DELIMITED -> {
                        out.varint(Math.max(0, f[2] + f[3]));
                        byte[] body = new byte[f[2]];
                        for (int i = 0; i < body.length; i++) {
                            body[i] = (byte) (i % 3 == 0 ? 0x08 : i % 3 == 1 ? 0x00 : 0x1A);
                        }
                        out.raw(body);
                    }
                    case Protobuf.FIXED32 -> out.raw(new byte[Math.max(0, 4 + f[3])]);
                    case Protobuf.FIXED64 -> out.raw(new byte[Math.max(0, 8 + f[3])]);
                    default -> { }
                }
            }
            return out.toByteArray();
        });
    }
}
