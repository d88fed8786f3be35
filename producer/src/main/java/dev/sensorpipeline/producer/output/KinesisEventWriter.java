package dev.sensorpipeline.producer.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sensorpipeline.producer.delivery.PutEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * Writes entries as one Lambda Kinesis event, the JSON the function receives from an event source mapping, so that
 * a run can become a test payload for {@code sam local invoke} or a unit test.
 *
 * <p>What Kinesis would add is made up, deterministically: every record comes from shard 0, sequence numbers are
 * 56-digit decimals increasing by one, and the arrival time is the reading's own time plus a millisecond per
 * reading of the same second. The account is the documentation account 123456789012.
 */
public final class KinesisEventWriter implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    public static final String SHARD_ID = "shardId-000000000000";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/sensor-ingest-role";

    /** Real sequence numbers are 56 digits; starting from one that looks like them keeps parsers honest. */
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656192843950233168434893572049261893760385216734052354");

    private final JsonGenerator json;
    private final String sourceArn;
    private final String region;
    private long written;
    private long lastTime = -1;
    private int sameSecond;

    /**
     * Starts the event; {@link #close()} ends it and closes {@code out}.
     *
     * @param region the region named in the event; the stream's ARN is made from it
     */
    public KinesisEventWriter(OutputStream out, String streamName, String region) {
        this.region = region;
        sourceArn = "arn:aws:kinesis:" + region + ":" + ACCOUNT + ":stream/" + streamName;
        try {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one record. */
    public void write(PutEntry entry) {
        long time = entry.reading().currentTime();
        sameSecond = time == lastTime ? sameSecond + 1 : 0;
        lastTime = time;
        String sequence = FIRST_SEQUENCE.add(BigInteger.valueOf(written++)).toString();
        BigDecimal arrival = BigDecimal.valueOf(Math.addExact(Math.multiplyExact(time, 1000L),
                Math.min(sameSecond, 999)), 3);
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("kinesis");
            json.writeStringField("kinesisSchemaVersion", "1.0");
            json.writeStringField("partitionKey", entry.partitionKey());
            json.writeStringField("sequenceNumber", sequence);
            json.writeStringField("data", Base64.getEncoder().encodeToString(entry.data()));
            json.writeNumberField("approximateArrivalTimestamp", arrival);
            json.writeEndObject();
            json.writeStringField("eventSource", "aws:kinesis");
            json.writeStringField("eventVersion", "1.0");
            json.writeStringField("eventID", SHARD_ID + ":" + sequence);
            json.writeStringField("eventName", "aws:kinesis:record");
            json.writeStringField("invokeIdentityArn", ROLE_ARN);
            json.writeStringField("awsRegion", region);
            json.writeStringField("eventSourceARN", sourceArn);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records written so far. */
    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
