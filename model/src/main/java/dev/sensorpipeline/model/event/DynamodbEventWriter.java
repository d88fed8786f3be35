package dev.sensorpipeline.model.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes a DynamoDB Streams event as Lambda delivers it to a function, field for field, in Lambda's order:
 *
 * <pre>
 * {"Records": [{"eventID": ..., "eventName": "INSERT", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
 *               "awsRegion": ..., "dynamodb": {"ApproximateCreationDateTime": EPOCH_SECONDS, "Keys": {...},
 *               "NewImage": {...}, "OldImage": {...}, "SequenceNumber": ..., "SizeBytes": 26,
 *               "StreamViewType": "NEW_IMAGE"},
 *               "eventSourceARN": STREAM_ARN}]}
 * </pre>
 *
 * <p>{@code NewImage} and {@code OldImage} are present as the stream's view type and the change give them. The one
 * writer of this shape, beside {@link KinesisEventWriter} for Kinesis'.
 */
public final class DynamodbEventWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private DynamodbEventWriter() {
    }

    /**
     * The whole event on one line, as the payload of an invocation.
     *
     * @param streamArn the table's stream, each record's {@code eventSourceARN}
     * @param awsRegion the table's region, each record's {@code awsRegion}
     */
    public static byte[] toBytes(String streamArn, String awsRegion, List<DynamodbChange> changes) {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(awsRegion, "awsRegion");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (DynamodbChange change : changes) {
                write(json, streamArn, awsRegion, change);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One record alone, as an element of {@code Records}: what Lambda's event filtering matches a pattern on. */
    public static byte[] recordBytes(String streamArn, String awsRegion, DynamodbChange change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            write(json, streamArn, awsRegion, change);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, String streamArn, String awsRegion, DynamodbChange change)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("eventID", change.eventId());
        json.writeStringField("eventName", change.eventName());
        json.writeStringField("eventVersion", "1.1");
        json.writeStringField("eventSource", "aws:dynamodb");
        json.writeStringField("awsRegion", awsRegion);
        json.writeObjectFieldStart("dynamodb");
        json.writeNumberField("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        json.writeFieldName("Keys");
        json.writeRawValue(change.keys());
        if (change.newImage() != null) {
            json.writeFieldName("NewImage");
            json.writeRawValue(change.newImage());
        }
        if (change.oldImage() != null) {
            json.writeFieldName("OldImage");
            json.writeRawValue(change.oldImage());
        }
        json.writeStringField("SequenceNumber", change.sequenceNumber());
        json.writeNumberField("SizeBytes", change.sizeBytes());
        json.writeStringField("StreamViewType", change.streamViewType());
        json.writeEndObject();
        json.writeStringField("eventSourceARN", streamArn);
        json.writeEndObject();
    }
}
