package dev.sensorpipeline.model.kpl;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Packs user records into one KPL aggregated record (see {@link KplAggregate}), keeping its size in step, so a
 * producer can ask what a user record would add before adding it.
 *
 * <p>Each distinct partition key and explicit hash key is written once, in its table, and user records refer to it
 * by index, as the KPL does. Sizes are exact: {@link #size()} is the length {@link #build()} returns.
 *
 * <p>Mutable and not thread-safe: one builder per record being packed.
 */
public final class KplAggregateBuilder {

    /** Kinesis's largest explicit hash key, 2^128 - 1. */
    private static final BigInteger MAX_HASH_KEY = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private final Map<String, Integer> partitionKeyIndex = new HashMap<>();
    private final List<byte[]> partitionKeys = new ArrayList<>();
    private final Map<String, Integer> hashKeyIndex = new HashMap<>();
    private final List<byte[]> hashKeys = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private int messageBytes;

    private record Entry(int partitionKeyIndex, int hashKeyIndex, byte[] data) {
    }

    /** Adds a user record without an explicit hash key. */
    public KplAggregateBuilder add(String partitionKey, byte[] data) {
        return add(partitionKey, null, data);
    }

    /**
     * Adds a user record.
     *
     * @param explicitHashKey a decimal number from 0 to 2^128 - 1, or {@code null}
     * @param data            its bytes; not copied, so do not change them before {@link #build()}
     */
    public KplAggregateBuilder add(String partitionKey, String explicitHashKey, byte[] data) {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
        if (explicitHashKey != null && !hashKeyIndex.containsKey(explicitHashKey)) {
            checkHashKey(explicitHashKey);
        }
        int growth = growth(partitionKey, explicitHashKey, data);
        int keyIndex = indexOf(partitionKey, partitionKeyIndex, partitionKeys);
        int hashIndex = explicitHashKey == null ? -1 : indexOf(explicitHashKey, hashKeyIndex, hashKeys);
        entries.add(new Entry(keyIndex, hashIndex, data));
        messageBytes += growth;
        return this;
    }

    /** The size {@link #build()} would return after adding this user record; nothing is added. */
    public int sizeWith(String partitionKey, String explicitHashKey, byte[] data) {
        return size() + growth(partitionKey, explicitHashKey, data);
    }

    /** The aggregated record's size now, magic and checksum included. */
    public int size() {
        return KplAggregate.MAGIC_BYTES + messageBytes + KplAggregate.DIGEST_BYTES;
    }

    /** User records added so far. */
    public int count() {
        return entries.size();
    }

    /** The aggregated record: magic, message, MD5 of the message. */
    public byte[] build() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("an aggregated record holds at least one user record");
        }
        byte[] out = new byte[size()];
        int at = 0;
        for (byte magicByte : KplAggregate.magic()) {
            out[at++] = magicByte;
        }
        int messageStart = at;
        for (byte[] key : partitionKeys) {
            at = writeBytes(out, at, Protobuf.PARTITION_KEY_TABLE, key);
        }
        for (byte[] key : hashKeys) {
            at = writeBytes(out, at, Protobuf.EXPLICIT_HASH_KEY_TABLE, key);
        }
        for (Entry entry : entries) {
            out[at++] = (byte) Protobuf.tag(Protobuf.RECORDS, Protobuf.LENGTH_DELIMITED);
            at = Protobuf.writeVarint(out, at, recordBodySize(entry.partitionKeyIndex(), entry.hashKeyIndex(),
                    entry.data().length));
            out[at++] = (byte) Protobuf.tag(Protobuf.PARTITION_KEY_INDEX, Protobuf.VARINT);
            at = Protobuf.writeVarint(out, at, entry.partitionKeyIndex());
            if (entry.hashKeyIndex() >= 0) {
                out[at++] = (byte) Protobuf.tag(Protobuf.EXPLICIT_HASH_KEY_INDEX, Protobuf.VARINT);
                at = Protobuf.writeVarint(out, at, entry.hashKeyIndex());
            }
            at = writeBytes(out, at, Protobuf.DATA, entry.data());
        }
        if (at != messageStart + messageBytes) {
            throw new IllegalStateException("wrote " + (at - messageStart) + " message bytes, sized "
                    + messageBytes);
        }
        byte[] digest = KplAggregate.md5(out, messageStart, messageBytes);
        System.arraycopy(digest, 0, out, at, digest.length);
        return out;
    }

    /** What adding the user record would add to the message: new table entries and the record itself. */
    private int growth(String partitionKey, String explicitHashKey, byte[] data) {
        int growth = 0;
        Integer keyIndex = partitionKeyIndex.get(partitionKey);
        if (keyIndex == null) {
            keyIndex = partitionKeys.size();
            growth += Protobuf.lengthDelimitedSize(partitionKey.getBytes(StandardCharsets.UTF_8).length);
        }
        int hashIndex = -1;
        if (explicitHashKey != null) {
            Integer known = hashKeyIndex.get(explicitHashKey);
            if (known == null) {
                hashIndex = hashKeys.size();
                growth += Protobuf.lengthDelimitedSize(explicitHashKey.length());
            } else {
                hashIndex = known;
            }
        }
        int body = recordBodySize(keyIndex, hashIndex, data.length);
        return growth + 1 + Protobuf.varintSize(body) + body;
    }

    private static int recordBodySize(int keyIndex, int hashIndex, int dataLength) {
        int size = 1 + Protobuf.varintSize(keyIndex);
        if (hashIndex >= 0) {
            size += 1 + Protobuf.varintSize(hashIndex);
        }
        return size + Protobuf.lengthDelimitedSize(dataLength);
    }

    private static int indexOf(String key, Map<String, Integer> index, List<byte[]> table) {
        return index.computeIfAbsent(key, k -> {
            table.add(k.getBytes(StandardCharsets.UTF_8));
            return table.size() - 1;
        });
    }

    private static int writeBytes(byte[] out, int at, int field, byte[] bytes) {
        out[at++] = (byte) Protobuf.tag(field, Protobuf.LENGTH_DELIMITED);
        at = Protobuf.writeVarint(out, at, bytes.length);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static void checkHashKey(String hashKey) {
        boolean digits = !hashKey.isEmpty() && hashKey.length() <= 39
                && hashKey.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || new BigInteger(hashKey).compareTo(MAX_HASH_KEY) > 0) {
            throw new IllegalArgumentException("an explicit hash key is a decimal number from 0 to 2^128 - 1, not '"
                    + hashKey + "'");
        }
    }
}
