package dev.sensorpipeline.model.kpl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Writes protobuf bytes by hand, right or wrong, so tests can make any message the wire allows, and frame it. */
final class ProtoBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoBytes tag(int field, int wireType) {
        return varint((long) field << 3 | wireType);
    }

    ProtoBytes varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return this;
    }

    ProtoBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    ProtoBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A varint field. */
    ProtoBytes uint(int field, long value) {
        return tag(field, Protobuf.VARINT).varint(value);
    }

    /** A length-delimited field. */
    ProtoBytes bytes(int field, byte[] value) {
        return tag(field, Protobuf.LENGTH_DELIMITED).varint(value.length).raw(value);
    }

    ProtoBytes string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A nested message. */
    ProtoBytes message(int field, ProtoBytes message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** A {@code Record} of the given partition key index and data. */
    static ProtoBytes record(long partitionKeyIndex, String data) {
        return new ProtoBytes().uint(Protobuf.PARTITION_KEY_INDEX, partitionKeyIndex)
                .string(Protobuf.DATA, data);
    }

    /** Magic, the message, and the message's true MD5: an aggregate whose checksum passes, whatever it holds. */
    static byte[] framed(byte[] message) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(message);
            return new ProtoBytes().raw(KplAggregate.magic()).raw(message).raw(digest).toByteArray();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] framed(ProtoBytes message) {
        return framed(message.toByteArray());
    }
}
