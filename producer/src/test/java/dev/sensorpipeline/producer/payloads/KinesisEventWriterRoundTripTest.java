package dev.sensorpipeline.producer.payloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.sensorpipeline.model.event.EventRecord;
import dev.sensorpipeline.model.event.EventSource;
import dev.sensorpipeline.model.event.KinesisEventWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one event writer's output, read back by the Lambda Java runtime's own serializer (what turns the JSON Lambda
 * delivers into the handler's {@link KinesisEvent}): every field arrives where the function looks for it. The test
 * lives here because {@code model/}'s tests need the 1.x events for the KPL interop and cannot also hold the
 * runtime's serializer, which reads the 3.x ones.
 */
class KinesisEventWriterRoundTripTest {

    private static final EventSource SOURCE = new EventSource(
            "arn:aws:kinesis:eu-west-1:210987654321:stream/greenhouse", "eu-west-1",
            "arn:aws:iam::210987654321:role/greenhouse-ingest");
    private static final Instant ARRIVAL = Instant.parse("2026-11-29T10:15:30.123Z");
    private static final String SEQUENCE = "49656138346014374315573628195263025741183727427425746946";
    private static final List<EventRecord> RECORDS = List.of(
            new EventRecord("shardId-000000000003", "sensor-1", SEQUENCE, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    ARRIVAL),
            new EventRecord("shardId-000000000003", "sensor-\u00e9", "2", new byte[] {0, (byte) 0xff, 10},
                    ARRIVAL.plusMillis(1)));

    private final PojoSerializer<KinesisEvent> serializer = LambdaEventSerializers.serializerFor(KinesisEvent.class,
            KinesisEventWriterRoundTripTest.class.getClassLoader());

    @Test
    void toBytes_givesTheRuntimeEveryFieldOfEveryRecord_inOrder() {
        // when
        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(KinesisEventWriter.toBytes(SOURCE,
                RECORDS)));

        // then
        assertThat(event.getRecords()).hasSize(2);
        for (int i = 0; i < RECORDS.size(); i++) {
            EventRecord expected = RECORDS.get(i);
            KinesisEvent.KinesisEventRecord actual = event.getRecords().get(i);
            assertThat(actual.getEventSource()).isEqualTo("aws:kinesis");
            assertThat(actual.getEventVersion()).isEqualTo("1.0");
            assertThat(actual.getEventID()).isEqualTo("shardId-000000000003:" + expected.sequenceNumber());
            assertThat(actual.getEventName()).isEqualTo("aws:kinesis:record");
            assertThat(actual.getInvokeIdentityArn()).isEqualTo("arn:aws:iam::210987654321:role/greenhouse-ingest");
            assertThat(actual.getAwsRegion()).isEqualTo("eu-west-1");
            assertThat(actual.getEventSourceARN()).isEqualTo(SOURCE.streamArn());
            KinesisEvent.Record kinesis = actual.getKinesis();
            assertThat(kinesis.getKinesisSchemaVersion()).isEqualTo("1.0");
            assertThat(kinesis.getPartitionKey()).isEqualTo(expected.partitionKey());
            assertThat(kinesis.getSequenceNumber()).isEqualTo(expected.sequenceNumber());
            assertThat(bytes(kinesis.getData())).containsExactly(expected.data());
            assertThat(kinesis.getApproximateArrivalTimestamp().toInstant()).isEqualTo(expected.approximateArrival());
        }
    }

    @Test
    void pretty_isTheSameEventToTheRuntime_asCompact() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KinesisEventWriter writer = KinesisEventWriter.pretty(out, SOURCE)) {
            RECORDS.forEach(writer::write);
        }

        // when
        KinesisEvent pretty = serializer.fromJson(new ByteArrayInputStream(out.toByteArray()));
        KinesisEvent compact = serializer.fromJson(new ByteArrayInputStream(KinesisEventWriter.toBytes(SOURCE,
                RECORDS)));

        // then
        assertThat(pretty).isEqualTo(compact);
    }

    @Test
    void toBytes_ofNoRecords_isAnEventOfNone() {
        // when
        KinesisEvent event = serializer.fromJson(new ByteArrayInputStream(KinesisEventWriter.toBytes(SOURCE,
                List.of())));

        // then
        assertThat(event.getRecords()).isEmpty();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
