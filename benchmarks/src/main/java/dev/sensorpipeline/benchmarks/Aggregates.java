package dev.sensorpipeline.benchmarks;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sensorpipeline.model.kpl.Deaggregation;
import dev.sensorpipeline.model.kpl.KplAggregate;
import dev.sensorpipeline.model.kpl.KplAggregateBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.kinesis.retrieval.kpl.Messages;

/**
 * An aggregated record as the producer makes them by default, and three ways to open it: the function's hand-written
 * codec, protobuf-java's generated classes (the KCL's), and protobuf-java's CodedInputStream driven by hand. Each
 * checks the MD5 and gives the user records' data and partition keys.
 */
final class Aggregates {

    /** The producer's default record: 25 KiB with its key, one PUT payload unit. */
    static final int RECORD_BYTES = 25 * 1024;

    private Aggregates() {
    }

    /** Readings of 13 sensors with humidity, packed as the producer packs one shard's, up to 25 KiB. */
    static byte[] producersRecord() {
        KplAggregateBuilder builder = new KplAggregateBuilder();
        String hashKey = "170141183460469231731687303715884105728";
        for (int i = 0; ; i++) {
            String sensor = "sensor-" + (i % 13 + 1);
            byte[] reading = ("{\"sensor_id\":\"" + sensor + "\",\"current_time\":" + (1764374400 + i / 13)
                    + ",\"temperature\":7" + i % 10 + ".4,\"humidity\":4" + i % 10 + ".5}")
                    .getBytes(StandardCharsets.UTF_8);
            if (builder.sizeWith(sensor, hashKey, reading) + "sensor-1".length() > RECORD_BYTES) {
                return builder.build();
            }
            builder.add(sensor, hashKey, reading);
        }
    }

    /** The function's codec. */
    static List<ByteBuffer> handWritten(byte[] record) {
        List<ByteBuffer> data = new ArrayList<>();
        ((Deaggregation.Deaggregated) KplAggregate.deaggregate(record)).userRecords()
                .forEach(user -> data.add(user.data()));
        return data;
    }

    /** protobuf-java's generated classes, the KCL's. */
    static List<ByteBuffer> generated(byte[] record) throws InvalidProtocolBufferException {
        Messages.AggregatedRecord aggregate = Messages.AggregatedRecord.parseFrom(checkedMessage(record));
        List<ByteBuffer> data = new ArrayList<>(aggregate.getRecordsCount());
        for (Messages.Record user : aggregate.getRecordsList()) {
            aggregate.getPartitionKeyTable((int) user.getPartitionKeyIndex());
            data.add(user.getData().asReadOnlyByteBuffer());
        }
        return data;
    }

    /** protobuf-java's CodedInputStream, no generated classes. */
    static List<ByteBuffer> coded(byte[] record) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(checkedMessage(record));
        List<String> keys = new ArrayList<>();
        List<ByteBuffer> data = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == 10) {
                keys.add(in.readStringRequireUtf8());
            } else if (tag == 26) {
                int limit = in.pushLimit(in.readRawVarint32());
                for (int inner = in.readTag(); inner != 0; inner = in.readTag()) {
                    if (inner == 26) {
                        data.add(in.readBytes().asReadOnlyByteBuffer());
                    } else {
                        in.skipField(inner);
                    }
                }
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return data;
    }

    private static byte[] checkedMessage(byte[] record) {
        byte[] message = Arrays.copyOfRange(record, 4, record.length - 16);
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(message);
            if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(record, record.length - 16, record.length))) {
                throw new IllegalArgumentException("MD5 mismatch");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return message;
    }
}
