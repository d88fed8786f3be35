package dev.sensorpipeline.model.kpl;

/**
 * The few pieces of the protobuf wire format the KPL's messages use: tags, varints, length-delimited fields.
 *
 * <p>See https://protobuf.dev/programming-guides/encoding/. A tag is {@code fieldNumber << 3 | wireType}, written as a
 * varint; a varint is 7 bits a byte, least significant first, the high bit saying another byte follows.
 */
final class Protobuf {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;
    static final int FIXED32 = 5;

    /** The largest field number protobuf allows, 2^29 - 1. */
    static final long MAX_FIELD_NUMBER = (1L << 29) - 1;

    /** A varint of a 64-bit value takes at most this many bytes. */
    static final int MAX_VARINT_BYTES = 10;

    // AggregatedRecord
    static final int PARTITION_KEY_TABLE = 1;
    static final int EXPLICIT_HASH_KEY_TABLE = 2;
    static final int RECORDS = 3;
    // Record
    static final int PARTITION_KEY_INDEX = 1;
    static final int EXPLICIT_HASH_KEY_INDEX = 2;
    static final int DATA = 3;
    static final int TAGS = 4;
    // Tag
    static final int TAG_KEY = 1;
    static final int TAG_VALUE = 2;

    private Protobuf() {
    }

    static int tag(int fieldNumber, int wireType) {
        return fieldNumber << 3 | wireType;
    }

    /** Bytes of the varint of a non-negative value. */
    static int varintSize(long value) {
        int bytes = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }

    /** Bytes of a length-delimited field of {@code length} bytes whose tag fits one byte, as all of ours do. */
    static int lengthDelimitedSize(int length) {
        return 1 + varintSize(length) + length;
    }

    /** Writes a varint at {@code offset}; returns the offset after it. */
    static int writeVarint(byte[] out, int offset, long value) {
        while ((value & ~0x7FL) != 0) {
            out[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[offset++] = (byte) value;
        return offset;
    }
}
