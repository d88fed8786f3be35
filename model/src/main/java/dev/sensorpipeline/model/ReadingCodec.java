package dev.sensorpipeline.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON wire format of a reading, used by the producer to encode and by the function to decode, so that both
 * sides agree on every byte.
 *
 * <p>Wire form: {@code {"sensor_id": "sensor-1", "current_time": 1764400000, "temperature": 73.2, "humidity": 41.5}}.
 * {@code humidity} is optional, unknown fields are ignored, and whitespace around the object is fine. Decoding
 * never throws on bad input: every record becomes either a reading or a reason it can never be one.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class ReadingCodec {

    public static final String SENSOR_ID = "sensor_id";
    public static final String CURRENT_TIME = "current_time";
    public static final String TEMPERATURE = "temperature";
    public static final String HUMIDITY = "humidity";

    private static final int SEEN_SENSOR_ID = 1;
    private static final int SEEN_CURRENT_TIME = 2;
    private static final int SEEN_TEMPERATURE = 4;
    private static final int SEEN_HUMIDITY = 8;

    private final JsonFactory jsonFactory;

    public ReadingCodec() {
        jsonFactory = JsonFactory.builder()
                // NaN and Infinity then parse as numbers, so the reason can say "not finite" rather than "not JSON".
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Keep raw record bytes out of error messages: reasons are logged.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** Decodes a Kinesis record's data; the buffer's position is left untouched. */
    public DecodeResult decode(ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        if (view.hasArray()) {
            return decode(view.array(), view.arrayOffset() + view.position(), view.remaining());
        }
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        return decode(copy, 0, copy.length);
    }

    /** Decodes a whole array. */
    public DecodeResult decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /** Decodes {@code length} bytes of {@code data} from {@code offset}. */
    public DecodeResult decode(byte[] data, int offset, int length) {
        if (length == 0) {
            return rejected("record is empty; expected a JSON object such as "
                    + "{\"sensor_id\": \"sensor-1\", \"current_time\": 1764400000, \"temperature\": 73.2}");
        }
        if (length > ReadingLimits.MAX_RECORD_BYTES) {
            return rejected("record is " + length + " bytes; a reading is at most "
                    + ReadingLimits.MAX_RECORD_BYTES + " bytes");
        }
        int invalidAt = Utf8.firstInvalidOffset(data, offset, length);
        if (invalidAt >= 0) {
            return rejected(String.format("record is not valid UTF-8 (byte 0x%02X at offset %d)",
                    data[offset + invalidAt] & 0xFF, invalidAt));
        }
        try (JsonParser parser = jsonFactory.createParser(data, offset, length)) {
            return decodeObject(parser);
        } catch (JsonProcessingException e) {
            return rejected("record is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a byte array cannot fail", e);
        }
    }

    private DecodeResult decodeObject(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            return rejected(first == null
                    ? "record holds only whitespace; expected a JSON object"
                    : "record is " + describe(first) + "; expected a JSON object");
        }
        String sensorId = null;
        long currentTime = -1;
        BigDecimal temperature = null;
        BigDecimal humidity = null;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int flag = flagOf(field);
            if (flag != 0) {
                if ((seen & flag) != 0) {
                    return rejected("field " + field + " appears more than once; which value is meant is ambiguous");
                }
                seen |= flag;
            }
            switch (flag) {
                case SEEN_SENSOR_ID -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return mistyped(SENSOR_ID, "a string", value);
                    }
                    sensorId = parser.getText();
                    String problem = sensorIdProblem(sensorId);
                    if (problem != null) {
                        return rejected(problem);
                    }
                }
                case SEEN_CURRENT_TIME -> {
                    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                        return rejected(CURRENT_TIME + " " + numberText(parser)
                                + " is not a whole number; it must be Unix time in whole seconds");
                    }
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        return mistyped(CURRENT_TIME, "an integer (Unix time in seconds)", value);
                    }
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return rejected(CURRENT_TIME + " " + numberText(parser)
                                + " is too large for Unix time in seconds");
                    }
                    currentTime = parser.getLongValue();
                    if (currentTime < 0) {
                        return rejected(CURRENT_TIME + " " + currentTime
                                + " is negative; it must be Unix time in seconds, 0 or later");
                    }
                }
                case SEEN_TEMPERATURE -> {
                    if (value == JsonToken.VALUE_NULL) {
                        return rejected(TEMPERATURE + " is null; it must be a number");
                    }
                    if (!value.isNumeric()) {
                        return mistyped(TEMPERATURE, "a number", value);
                    }
                    if (parser.isNaN()) {
                        return rejected(TEMPERATURE + " is " + parser.getText() + "; it must be a finite number");
                    }
                    temperature = parser.getDecimalValue();
                    String problem = ReadingLimits.dynamoDbNumberProblem(TEMPERATURE, temperature).orElse(null);
                    if (problem != null) {
                        return rejected(problem);
                    }
                }
                case SEEN_HUMIDITY -> {
                    if (value == JsonToken.VALUE_NULL) {
                        continue; // null humidity is a sensor without a humidity probe: the field is absent
                    }
                    if (!value.isNumeric()) {
                        return mistyped(HUMIDITY, "a number from 0 to 100", value);
                    }
                    if (parser.isNaN()) {
                        return rejected(HUMIDITY + " is " + parser.getText() + "; it must be a number from 0 to 100");
                    }
                    humidity = parser.getDecimalValue();
                    if (humidity.compareTo(ReadingLimits.MIN_HUMIDITY) < 0
                            || humidity.compareTo(ReadingLimits.MAX_HUMIDITY) > 0) {
                        return rejected(HUMIDITY + " " + ReadingLimits.shortText(humidity)
                                + " is outside 0..100; it must be relative humidity in percent");
                    }
                    String problem = ReadingLimits.dynamoDbNumberProblem(HUMIDITY, humidity).orElse(null);
                    if (problem != null) {
                        return rejected(problem);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            return rejected("record has more content after its JSON object; expected exactly one object");
        }
        int required = SEEN_SENSOR_ID | SEEN_CURRENT_TIME | SEEN_TEMPERATURE;
        if ((seen & required) != required) {
            return rejected(missingFields(seen));
        }
        if (sensorId == null) {
            return rejected(SENSOR_ID + " is null; it must be a non-empty string");
        }
        return new DecodeResult.Decoded(new SensorReading(sensorId, currentTime, temperature, humidity));
    }

    /** Encodes a reading in the wire form; humidity only when present. */
    public byte[] encode(SensorReading reading) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(128);
             JsonGenerator generator = jsonFactory.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField(SENSOR_ID, reading.sensorId());
            generator.writeNumberField(CURRENT_TIME, reading.currentTime());
            generator.writeNumberField(TEMPERATURE, reading.temperature());
            if (reading.humidity() != null) {
                generator.writeNumberField(HUMIDITY, reading.humidity());
            }
            generator.writeEndObject();
            generator.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** Encodes a reading as a string, for logs and dry runs. */
    public String encodeToString(SensorReading reading) {
        return new String(encode(reading), StandardCharsets.UTF_8);
    }

    private static int flagOf(String field) {
        return switch (field) {
            case SENSOR_ID -> SEEN_SENSOR_ID;
            case CURRENT_TIME -> SEEN_CURRENT_TIME;
            case TEMPERATURE -> SEEN_TEMPERATURE;
            case HUMIDITY -> SEEN_HUMIDITY;
            default -> 0;
        };
    }

    private static String sensorIdProblem(String sensorId) {
        if (sensorId.isEmpty()) {
            return SENSOR_ID + " is empty; it must name the sensor";
        }
        // Only a long id can exceed the limit; most ids skip the encoding.
        if (sensorId.length() * 3 > ReadingLimits.MAX_SENSOR_ID_BYTES) {
            int bytes = sensorId.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > ReadingLimits.MAX_SENSOR_ID_BYTES) {
                return SENSOR_ID + " is " + bytes + " bytes long; DynamoDB allows at most "
                        + ReadingLimits.MAX_SENSOR_ID_BYTES + " bytes in a partition key";
            }
        }
        return null;
    }

    private static String missingFields(int seen) {
        List<String> missing = new ArrayList<>(3);
        if ((seen & SEEN_SENSOR_ID) == 0) {
            missing.add(SENSOR_ID);
        }
        if ((seen & SEEN_CURRENT_TIME) == 0) {
            missing.add(CURRENT_TIME);
        }
        if ((seen & SEEN_TEMPERATURE) == 0) {
            missing.add(TEMPERATURE);
        }
        return (missing.size() == 1 ? "missing required field " : "missing required fields ")
                + String.join(", ", missing);
    }

    private static DecodeResult mistyped(String field, String expected, JsonToken actual) {
        if (actual == JsonToken.VALUE_NULL) {
            return rejected(field + " is null; it must be " + expected);
        }
        return rejected(field + " must be " + expected + ", not " + describe(actual));
    }

    private static String numberText(JsonParser parser) throws IOException {
        String text = parser.getText();
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static DecodeResult rejected(String reason) {
        return new DecodeResult.Rejected(reason);
    }
}
