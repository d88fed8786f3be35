package dev.sensorpipeline.model.kpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.kinesis.agg.AggRecord;
import com.amazonaws.kinesis.agg.RecordAggregator;
import com.amazonaws.kinesis.deagg.RecordDeaggregator;
import com.amazonaws.services.kinesis.clientlibrary.types.UserRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our codec against the AWS kinesis-aggregation project's Java libraries (github.com/awslabs/kinesis-aggregation):
 * what their aggregator writes we read, and what we write their deaggregator (the KCL 1.x's UserRecord.deaggregate
 * underneath, as other Lambda functions use it) reads.
 */
class KplInteropTest {

    private static final String SEQUENCE_NUMBER = "49656138346014374315573628195263025741183727427425746946";

    private static byte[] reading(int i) {
        return ("{\"sensor_id\":\"sensor-" + i % 7 + "\",\"current_time\":" + (1764400000 + i)
                + ",\"temperature\":" + (60 + i % 30) + "." + i % 10 + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer data) {
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }

    private static String hashKeyOf(String partitionKey) throws Exception {
        return new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest(partitionKey.getBytes(StandardCharsets.UTF_8))).toString();
    }

    /** A Lambda event record as aws-lambda-java-events 1.x has it, which is what the deaggregator takes. */
    private static KinesisEvent.KinesisEventRecord eventRecord(byte[] data, String partitionKey) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setData(ByteBuffer.wrap(data));
        kinesis.setPartitionKey(partitionKey);
        kinesis.setSequenceNumber(SEQUENCE_NUMBER);
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        return record;
    }

    @Test
    void whatTheAwsAggregatorWrites_weDeaggregate_keysAndDataAndOrder() throws Exception {
        // given 300 readings of 7 sensors in the AWS Java aggregator's record
        AggRecord aggregate = new AggRecord();
        List<String> keys = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "sensor-" + i % 7;
            assertThat(aggregate.addUserRecord(key, null, reading(i))).isTrue();
            keys.add(key);
            data.add(new String(reading(i), StandardCharsets.UTF_8));
        }

        // when
        Deaggregation result = KplAggregate.deaggregate(aggregate.toRecordBytes());

        // then: the aggregator gives every user record its partition key's hash as explicit hash key
        List<dev.sensorpipeline.model.kpl.UserRecord> records = ((Deaggregation.Deaggregated) result).userRecords();
        assertThat(records).extracting(dev.sensorpipeline.model.kpl.UserRecord::partitionKey)
                .containsExactlyElementsOf(keys);
        assertThat(records).extracting(r -> text(r.data())).containsExactlyElementsOf(data);
        assertThat(records.get(3).explicitHashKey()).isEqualTo(hashKeyOf("sensor-3"));
    }

    @Test
    void whatTheAwsAggregatorWrites_withExplicitHashKeysAndFullRecords_weDeaggregateAll() throws Exception {
        // given the aggregator's own size management: records as full as it makes them (1 MB)
        RecordAggregator aggregator = new RecordAggregator();
        List<AggRecord> full = new ArrayList<>();
        // By default the aggregator calls its listener on another thread: on this one, the list is whole when read.
        aggregator.onRecordComplete(full::add, Runnable::run);
        int readings = 40_000;
        for (int i = 0; i < readings; i++) {
            aggregator.addUserRecord("sensor-" + i % 7, Integer.toString(i), reading(i));
        }
        full.add(aggregator.clearAndGet());

        // when
        List<dev.sensorpipeline.model.kpl.UserRecord> all = new ArrayList<>();
        for (AggRecord record : full) {
            all.addAll(((Deaggregation.Deaggregated) KplAggregate.deaggregate(record.toRecordBytes())).userRecords());
        }

        // then
        assertThat(full).hasSizeGreaterThan(1);
        assertThat(all).hasSize(readings);
        assertThat(all.get(12_345).explicitHashKey()).isEqualTo("12345");
        assertThat(text(all.get(12_345).data())).isEqualTo(new String(reading(12_345), StandardCharsets.UTF_8));
    }

    @Test
    void whatWeWrite_theAwsDeaggregatorReads_keysDataOrderAndSubSequenceNumbers() {
        // given
        KplAggregateBuilder builder = new KplAggregateBuilder();
        for (int i = 0; i < 300; i++) {
            builder.add("sensor-" + i % 7, reading(i));
        }

        // when
        List<UserRecord> records = RecordDeaggregator.deaggregate(eventRecord(builder.build(), "sensor-0"));

        // then
        assertThat(records).hasSize(300).allSatisfy(record -> {
            assertThat(record.isAggregated()).isTrue();
            assertThat(record.getSequenceNumber()).isEqualTo(SEQUENCE_NUMBER);
        });
        assertThat(records).extracting(UserRecord::getSubSequenceNumber).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 300).boxed().toList());
        assertThat(records.get(10).getPartitionKey()).isEqualTo("sensor-3");
        assertThat(text(records.get(10).getData())).isEqualTo(new String(reading(10), StandardCharsets.UTF_8));
    }

    @Test
    void whatWeWrite_withExplicitHashKeys_theKclKeepsWithinTheShardsHashKeyRange() {
        // given every user record given the hash key the record is put under, as the producer does
        String hashKey = "170141183460469231731687303715884105728";
        KplAggregateBuilder builder = new KplAggregateBuilder();
        for (int i = 0; i < 50; i++) {
            builder.add("sensor-" + i % 7, hashKey, reading(i));
        }
        com.amazonaws.services.kinesis.model.Record record = eventRecord(builder.build(), "sensor-0").getKinesis();

        // when: the KCL gives no user record of an aggregate that holds one outside the range of the shard it reads
        List<UserRecord> inRange = UserRecord.deaggregate(List.of(record), new BigInteger(hashKey),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
        List<UserRecord> outOfRange = UserRecord.deaggregate(List.of(record), BigInteger.ZERO,
                new BigInteger(hashKey).subtract(BigInteger.ONE));

        // then: KCL 1.x hands the raw aggregate on instead, as if it were a plain record
        assertThat(inRange).hasSize(50).extracting(UserRecord::getExplicitHashKey).containsOnly(hashKey);
        assertThat(outOfRange).noneMatch(UserRecord::isAggregated);
    }

    @Test
    void aPlainRecord_theAwsDeaggregatorPassesThrough_asWeDo() {
        // given
        byte[] plain = reading(1);

        // when
        List<UserRecord> records = RecordDeaggregator.deaggregate(eventRecord(plain, "sensor-1"));

        // then
        assertThat(KplAggregate.isAggregated(plain)).isFalse();
        assertThat(records).singleElement().satisfies(record -> assertThat(record.isAggregated()).isFalse());
    }
}
