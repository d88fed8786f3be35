package dev.sensorpipeline.local.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What Lambda keeps of a Kinesis batch it gave up on (its on-failure document): the shard and the sequence range of
 * the batch, and for an S3 destination the invocation event itself ({@code payload}). The Lambda developer guide's
 * example shows {@code payload} as a string holding the event's JSON; an object holding it is read alike.
 *
 * @param location where the document is: its S3 key, or its SQS message id
 * @param payload  the invocation event's JSON, when the destination keeps it (S3)
 */
public record FailureDocument(String location, String condition, String shardId, BigInteger startSequence,
                              BigInteger endSequence, int batchSize, String streamArn, Optional<byte[]> payload) {

    /** Numbers kept as written (an arrival time such as 1764400000.123 must not come back as 1.764400000123E9). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** Reads a document; an {@link IllegalArgumentException} says what is missing, naming the document. */
    public static FailureDocument parse(String location, byte[] json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(location + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(location + " cannot be read: " + e.getMessage());
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException(location + " is not a JSON object");
        }
        JsonNode batch = document.path("KinesisBatchInfo");
        if (!batch.isObject()) {
            throw new IllegalArgumentException(location
                    + " has no KinesisBatchInfo: not a Kinesis on-failure document");
        }
        return new FailureDocument(location,
                document.path("requestContext").path("condition").asText("unknown"),
                text(location, batch, "shardId"),
                sequence(location, batch, "startSequenceNumber"),
                sequence(location, batch, "endSequenceNumber"),
                batch.path("batchSize").asInt(0),
                text(location, batch, "streamArn"),
                payload(location, document.get("payload")));
    }

    private static Optional<byte[]> payload(String location, JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return Optional.empty();
        }
        if (payload.isTextual()) {
            return Optional.of(payload.asText().getBytes(StandardCharsets.UTF_8));
        }
        if (payload.isObject()) {
            try {
                return Optional.of(JSON.writeValueAsBytes(payload));
            } catch (IOException e) {
                throw new IllegalArgumentException(location + ": payload cannot be written back: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(location + ": payload is neither the event nor a string holding it");
    }

    private static String text(String location, JsonNode batch, String field) {
        JsonNode value = batch.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(location + ": KinesisBatchInfo." + field + " is missing");
        }
        return value.asText();
    }

    /** Sequence numbers are numbers of up to 128 bits, compared as such: as strings, "10" comes before "9". */
    private static BigInteger sequence(String location, JsonNode batch, String field) {
        String value = text(location, batch, field);
        try {
            return new BigInteger(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(location + ": KinesisBatchInfo." + field + " '" + value
                    + "' is not a sequence number");
        }
    }
}
