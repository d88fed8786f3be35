package dev.sensorpipeline.model.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Writes a Kinesis event as Lambda delivers it to a function, field for field, one record at a time:
 *
 * <pre>
 * {"Records": [{"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": ..., "sequenceNumber": ...,
 *               "data": BASE64, "approximateArrivalTimestamp": EPOCH_SECONDS.MILLIS},
 *               "eventSource": "aws:kinesis", "eventVersion": "1.0", "eventID": "SHARD_ID:SEQUENCE_NUMBER",
 *               "eventName": "aws:kinesis:record", "invokeIdentityArn": ROLE_ARN, "awsRegion": ...,
 *               "eventSourceARN": STREAM_ARN}]}
 * </pre>
 *
 * <p>The one writer of this shape: the producer's {@code --events-out}, the local runner's batches, the tests' events
 * and {@code test-payloads/} all come from it. It streams, so an event of any size takes no memory of its own.
 */
public final class KinesisEventWriter implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private final EventSource source;
    private long written;

    private KinesisEventWriter(OutputStream out, EventSource source, boolean pretty) {
        this.source = source;
        try {
            JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8);
            json = pretty ? generator.useDefaultPrettyPrinter() : generator;
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an event indented for people to read (a file); {@link #close()} ends it and closes {@code out}. */
    public static KinesisEventWriter pretty(OutputStream out, EventSource source) {
        return new KinesisEventWriter(out, source, true);
    }

    /** Starts an event on one line, as an invocation's payload; {@link #close()} ends it and closes {@code out}. */
    public static KinesisEventWriter compact(OutputStream out, EventSource source) {
        return new KinesisEventWriter(out, source, false);
    }

    /** The whole event on one line, as the payload of an invocation. */
    public static byte[] toBytes(EventSource source, List<EventRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KinesisEventWriter writer = compact(out, source)) {
            records.forEach(writer::write);
        }
        return out.toByteArray();
    }

    /** Appends one record. */
    public void write(EventRecord record) {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("kinesis");
            json.writeStringField("kinesisSchemaVersion", "1.0");
            json.writeStringField("partitionKey", record.partitionKey());
            json.writeStringField("sequenceNumber", record.sequenceNumber());
            json.writeStringField("data", Base64.getEncoder().encodeToString(record.data()));
            json.writeNumberField("approximateArrivalTimestamp", epochSeconds(record));
            json.writeEndObject();
            json.writeStringField("eventSource", "aws:kinesis");
            json.writeStringField("eventVersion", "1.0");
            json.writeStringField("eventID", record.eventId());
            json.writeStringField("eventName", "aws:kinesis:record");
            json.writeStringField("invokeIdentityArn", source.invokeIdentityArn());
            json.writeStringField("awsRegion", source.awsRegion());
            json.writeStringField("eventSourceARN", source.streamArn());
            json.writeEndObject();
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records written so far. */
    public long written() {
        return written;
    }

    /** Ends the event (a pretty one with a newline, as a text file ends) and closes the stream. */
    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            if (json.getPrettyPrinter() != null) {
                json.writeRaw('\n');
            }
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds since the epoch with the milliseconds as a fraction, as Lambda writes it: 1545084650.987. */
    private static BigDecimal epochSeconds(EventRecord record) {
        return BigDecimal.valueOf(record.approximateArrival().toEpochMilli(), 3);
    }
}
