package dev.sensorpipeline.model.kpl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the protobuf {@code AggregatedRecord} of one aggregate whose checksum has been checked.
 *
 * <p>Every length is checked against the bytes left in its enclosing message before it is used, so a corrupt length
 * can neither read past the end nor allocate more than the input's size; every problem becomes a reason naming what
 * is wrong and its offset from the start of the record. One reader per record; not thread-safe.
 */
final class AggregateReader {

    /** Protobuf-java's own recursion limit, for groups of unknown fields nested in one another. */
    private static final int MAX_GROUP_DEPTH = 100;

    private final byte[] data;
    private final int recordStart;
    private final int messageStart;
    private final int messageEnd;
    private int pos;

    /**
     * @param recordStart  where the record (its magic) starts: offsets in reasons count from here
     * @param messageStart where the message starts, after the magic
     * @param messageEnd   where it ends, before the checksum
     */
    AggregateReader(byte[] data, int recordStart, int messageStart, int messageEnd) {
        this.data = data;
        this.recordStart = recordStart;
        this.messageStart = messageStart;
        this.messageEnd = messageEnd;
    }

    Deaggregation read() {
        try {
            return readAggregate();
        } catch (Malformed e) {
            return new Deaggregation.Corrupt(e.getMessage());
        }
    }

    /** A record as parsed, its indices not yet looked up. */
    private record RawRecord(long partitionKeyIndex, boolean hasHashKey, long hashKeyIndex, int dataStart,
                             int dataLength) {
    }

    private Deaggregation readAggregate() throws Malformed {
        List<String> partitionKeys = new ArrayList<>();
        List<String> hashKeys = new ArrayList<>();
        List<RawRecord> records = new ArrayList<>();
        pos = messageStart;
        while (pos < messageEnd) {
            int tagAt = pos;
            long tag = readTag(messageEnd);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == Protobuf.PARTITION_KEY_TABLE && wireType == Protobuf.LENGTH_DELIMITED) {
                partitionKeys.add(readString(messageEnd, "partition key " + partitionKeys.size()));
            } else if (field == Protobuf.EXPLICIT_HASH_KEY_TABLE && wireType == Protobuf.LENGTH_DELIMITED) {
                hashKeys.add(readString(messageEnd, "explicit hash key " + hashKeys.size()));
            } else if (field == Protobuf.RECORDS && wireType == Protobuf.LENGTH_DELIMITED) {
                records.add(readRecord(records.size()));
            } else {
                skipField(field, wireType, tagAt, messageEnd, 0);
            }
        }
        if (records.isEmpty()) {
            throw new Malformed("it holds no user records");
        }
        List<UserRecord> userRecords = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            RawRecord raw = records.get(i);
            String partitionKey = lookUp(partitionKeys, raw.partitionKeyIndex(), i, "partition_key_index");
            String hashKey = raw.hasHashKey()
                    ? lookUp(hashKeys, raw.hashKeyIndex(), i, "explicit_hash_key_index")
                    : null;
            userRecords.add(new UserRecord(partitionKey, hashKey,
                    ByteBuffer.wrap(data, raw.dataStart(), raw.dataLength()).slice()));
        }
        return new Deaggregation.Deaggregated(userRecords);
    }

    private RawRecord readRecord(int index) throws Malformed {
        String what = "record " + index;
        int length = readLength(messageEnd, what);
        int end = pos + length;
        long partitionKeyIndex = 0;
        long hashKeyIndex = 0;
        boolean hasPartitionKey = false;
        boolean hasHashKey = false;
        boolean hasData = false;
        int dataStart = 0;
        int dataLength = 0;
        while (pos < end) {
            int tagAt = pos;
            long tag = readTag(end);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == Protobuf.PARTITION_KEY_INDEX && wireType == Protobuf.VARINT) {
                partitionKeyIndex = readVarint(end);
                hasPartitionKey = true;
            } else if (field == Protobuf.EXPLICIT_HASH_KEY_INDEX && wireType == Protobuf.VARINT) {
                hashKeyIndex = readVarint(end);
                hasHashKey = true;
            } else if (field == Protobuf.DATA && wireType == Protobuf.LENGTH_DELIMITED) {
                dataLength = readLength(end, "the data of " + what);
                dataStart = pos;
                pos += dataLength;
                hasData = true;
            } else if (field == Protobuf.TAGS && wireType == Protobuf.LENGTH_DELIMITED) {
                readTagMessage(end, "a tag of " + what);
            } else {
                skipField(field, wireType, tagAt, end, 0);
            }
        }
        if (!hasPartitionKey) {
            throw new Malformed(what + " has no partition_key_index, a required field");
        }
        if (!hasData) {
            throw new Malformed(what + " has no data, a required field");
        }
        return new RawRecord(partitionKeyIndex, hasHashKey, hashKeyIndex, dataStart, dataLength);
    }

    /** A {@code Tag}: checked for its required key, then dropped; the KPL and KCL do not use tags. */
    private void readTagMessage(int enclosingEnd, String what) throws Malformed {
        int length = readLength(enclosingEnd, what);
        int end = pos + length;
        boolean hasKey = false;
        while (pos < end) {
            int tagAt = pos;
            long tag = readTag(end);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == Protobuf.TAG_KEY && wireType == Protobuf.LENGTH_DELIMITED) {
                readString(end, "the key of " + what);
                hasKey = true;
            } else if (field == Protobuf.TAG_VALUE && wireType == Protobuf.LENGTH_DELIMITED) {
                readString(end, "the value of " + what);
            } else {
                skipField(field, wireType, tagAt, end, 0);
            }
        }
        if (!hasKey) {
            throw new Malformed(what + " has no key, a required field");
        }
    }

    private static String lookUp(List<String> table, long index, int record, String field) throws Malformed {
        if (Long.compareUnsigned(index, table.size()) >= 0) {
            throw new Malformed("record " + record + ": " + field + " " + Long.toUnsignedString(index)
                    + " is out of range; its table has " + table.size() + " entries");
        }
        return table.get((int) index);
    }

    /** Skips an unknown field, as protobuf does, groups included. */
    private void skipField(int field, int wireType, int tagAt, int end, int depth) throws Malformed {
        switch (wireType) {
            case Protobuf.VARINT -> readVarint(end);
            case Protobuf.FIXED64 -> skipFixed(8, end, field);
            case Protobuf.FIXED32 -> skipFixed(4, end, field);
            case Protobuf.LENGTH_DELIMITED -> {
                int length = readLength(end, "field " + field);
                pos += length;
            }
            case Protobuf.START_GROUP -> {
                if (depth >= MAX_GROUP_DEPTH) {
                    throw new Malformed("groups nested more than " + MAX_GROUP_DEPTH + " deep at offset "
                            + offset(tagAt));
                }
                while (true) {
                    if (pos >= end) {
                        throw new Malformed("truncated: the group of field " + field + " at offset " + offset(tagAt)
                                + " has no end tag");
                    }
                    int innerAt = pos;
                    long tag = readTag(end);
                    int innerField = (int) (tag >>> 3);
                    int innerType = (int) (tag & 7);
                    if (innerType == Protobuf.END_GROUP) {
                        if (innerField != field) {
                            throw new Malformed("the group of field " + field + " at offset " + offset(tagAt)
                                    + " ends with the end tag of field " + innerField);
                        }
                        return;
                    }
                    skipField(innerField, innerType, innerAt, end, depth + 1);
                }
            }
            case Protobuf.END_GROUP -> throw new Malformed("unexpected end-group tag of field " + field
                    + " at offset " + offset(tagAt));
            default -> throw new IllegalStateException("readTag lets no wire type " + wireType + " through");
        }
    }

    private void skipFixed(int bytes, int end, int field) throws Malformed {
        if (end - pos < bytes) {
            throw new Malformed("truncated: the " + bytes * 8 + "-bit value of field " + field + " at offset "
                    + offset(pos) + " runs past the end of its message");
        }
        pos += bytes;
    }

    private long readTag(int end) throws Malformed {
        int at = pos;
        long tag = readVarint(end);
        long field = tag >>> 3;
        long wireType = tag & 7;
        if (field == 0 || field > Protobuf.MAX_FIELD_NUMBER) {
            throw new Malformed("invalid tag at offset " + offset(at) + ": field number "
                    + Long.toUnsignedString(field));
        }
        if (wireType > Protobuf.FIXED32) {
            throw new Malformed("invalid tag at offset " + offset(at) + ": wire type " + wireType);
        }
        return tag;
    }

    private long readVarint(int end) throws Malformed {
        int start = pos;
        long value = 0;
        for (int i = 0; i < Protobuf.MAX_VARINT_BYTES; i++) {
            if (pos >= end) {
                throw new Malformed("truncated: the varint at offset " + offset(start)
                        + " runs past the end of its message");
            }
            byte b = data[pos++];
            value |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                return value;
            }
        }
        throw new Malformed("bad varint at offset " + offset(start) + ": more than " + Protobuf.MAX_VARINT_BYTES
                + " bytes");
    }

    /** A length prefix, checked against what is left before {@code end}. */
    private int readLength(int end, String what) throws Malformed {
        int at = pos;
        long length = readVarint(end);
        int left = end - pos;
        if (Long.compareUnsigned(length, left) > 0) {
            throw new Malformed("truncated: " + what + " at offset " + offset(at) + " claims "
                    + Long.toUnsignedString(length) + " bytes, but only " + left + " are left in its message");
        }
        return (int) length;
    }

    private String readString(int end, String what) throws Malformed {
        int at = pos;
        int length = readLength(end, what);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, pos, length));
            pos += length;
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(what + " at offset " + offset(at) + " is not valid UTF-8");
        }
    }

    private int offset(int at) {
        return at - recordStart;
    }

    /** A reason to give up on the record; without a stack trace, since it is an answer, not a bug. */
    private static final class Malformed extends Exception {

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
