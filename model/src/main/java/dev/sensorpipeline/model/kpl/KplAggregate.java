package dev.sensorpipeline.model.kpl;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The KPL aggregated record format, the one the Kinesis Producer Library writes and the KCL reads: many user records
 * packed into one Kinesis record.
 *
 * <pre>
 * +------+------+------+------+========================+----------------+
 * | 0xF3 | 0x89 | 0x9A | 0xC2 | AggregatedRecord (pb2)  | MD5 (16 bytes) |
 * +------+------+------+------+========================+----------------+
 * </pre>
 *
 * <p>The protobuf (proto2) messages, and the MD5 computed over the message's bytes:
 * <pre>
 * message AggregatedRecord { repeated string partition_key_table = 1; repeated string explicit_hash_key_table = 2;
 *                            repeated Record records = 3; }
 * message Record { required uint64 partition_key_index = 1; optional uint64 explicit_hash_key_index = 2;
 *                  required bytes data = 3; repeated Tag tags = 4; }
 * message Tag { required string key = 1; optional string value = 2; }
 * </pre>
 *
 * <p>Decoding never throws on bad input, and allocates in proportion to the input, never to a length it claims: any
 * bytes after the magic either deaggregate or give a reason. It follows protobuf's parsing rules (fields in any order, unknown fields and
 * groups skipped, the last of a repeated singular field wins) and is stricter in one place: strings must be UTF-8.
 * {@link KplAggregateBuilder} writes the format.
 *
 * <p>A hand-written codec rather than protobuf-java: see the Aggregation section of {@code docs/PERFORMANCE.md}.
 */
public final class KplAggregate {

    /** The four bytes an aggregated record starts with. */
    public static final int MAGIC_BYTES = 4;

    /** The MD5 checksum an aggregated record ends with. */
    public static final int DIGEST_BYTES = 16;

    private static final byte MAGIC_0 = (byte) 0xF3;
    private static final byte MAGIC_1 = (byte) 0x89;
    private static final byte MAGIC_2 = (byte) 0x9A;
    private static final byte MAGIC_3 = (byte) 0xC2;

    private KplAggregate() {
    }

    /** The magic bytes, a fresh copy. */
    public static byte[] magic() {
        return new byte[] {MAGIC_0, MAGIC_1, MAGIC_2, MAGIC_3};
    }

    /**
     * Whether the data starts with the magic bytes, and so is meant as an aggregate; the buffer's position is left
     * untouched. Data without them is a plain record. No reading starts with them: they are not UTF-8 (0xF3 opens a
     * four-byte sequence, which 0xC2 breaks).
     */
    public static boolean isAggregated(ByteBuffer data) {
        int at = data.position();
        return data.remaining() >= MAGIC_BYTES
                && data.get(at) == MAGIC_0 && data.get(at + 1) == MAGIC_1
                && data.get(at + 2) == MAGIC_2 && data.get(at + 3) == MAGIC_3;
    }

    /** Whether the array starts with the magic bytes. */
    public static boolean isAggregated(byte[] data) {
        return isAggregated(ByteBuffer.wrap(data));
    }

    /**
     * Deaggregates a Kinesis record's data; the buffer's position is left untouched. The user records' data are views
     * of the buffer's bytes when it has an accessible array, else of a copy.
     */
    public static Deaggregation deaggregate(ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        if (view.hasArray()) {
            return deaggregate(view.array(), view.arrayOffset() + view.position(), view.remaining());
        }
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        return deaggregate(copy, 0, copy.length);
    }

    /** Deaggregates a whole array; the user records' data are views of it. */
    public static Deaggregation deaggregate(byte[] data) {
        return deaggregate(data, 0, data.length);
    }

    /** Deaggregates {@code length} bytes of {@code data} from {@code offset}. */
    public static Deaggregation deaggregate(byte[] data, int offset, int length) {
        if (!isAggregated(ByteBuffer.wrap(data, offset, length))) {
            return new Deaggregation.Corrupt("does not start with the magic bytes F3 89 9A C2");
        }
        if (length < MAGIC_BYTES + DIGEST_BYTES) {
            return new Deaggregation.Corrupt("truncated: " + (length - MAGIC_BYTES) + " bytes after the magic, fewer "
                    + "than the " + DIGEST_BYTES + "-byte MD5 checksum");
        }
        int messageStart = offset + MAGIC_BYTES;
        int messageEnd = offset + length - DIGEST_BYTES;
        byte[] expected = md5(data, messageStart, messageEnd - messageStart);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, messageEnd, messageEnd + DIGEST_BYTES))) {
            return new Deaggregation.Corrupt("MD5 mismatch: the last " + DIGEST_BYTES + " bytes are not the MD5 of the "
                    + (messageEnd - messageStart) + "-byte message before them");
        }
        return new AggregateReader(data, offset, messageStart, messageEnd).read();
    }

    static byte[] md5(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
