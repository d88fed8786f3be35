package dev.sensorpipeline.local.runner.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attributes as DynamoDB JSON, the way the stream's API and Lambda's event write them:
 * {@code {"SensorId": {"S": "sensor-1"}, "Temperature": {"N": "21.5"}}}; binary as base64.
 */
final class AttributeValueJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AttributeValueJson() {
    }

    static String write(Map<String, AttributeValue> attributes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeMap(json, attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeMap(JsonGenerator json, Map<String, AttributeValue> attributes) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            json.writeFieldName(attribute.getKey());
            writeValue(json, attribute.getValue());
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, AttributeValue value) throws IOException {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeStringField("S", value.s());
            case N -> json.writeStringField("N", value.n());
            case B -> json.writeStringField("B", base64(value.b()));
            case BOOL -> json.writeBooleanField("BOOL", value.bool());
            case NUL -> json.writeBooleanField("NULL", true);
            case SS -> {
                json.writeArrayFieldStart("SS");
                for (String s : value.ss()) {
                    json.writeString(s);
                }
                json.writeEndArray();
            }
            case NS -> {
                json.writeArrayFieldStart("NS");
                for (String n : value.ns()) {
                    json.writeString(n);
                }
                json.writeEndArray();
            }
            case BS -> {
                json.writeArrayFieldStart("BS");
                for (SdkBytes b : value.bs()) {
                    json.writeString(base64(b));
                }
                json.writeEndArray();
            }
            case M -> {
                json.writeFieldName("M");
                writeMap(json, value.m());
            }
            case L -> {
                json.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    writeValue(json, element);
                }
                json.writeEndArray();
            }
            default -> throw new IllegalArgumentException("an attribute value of no known type: " + value);
        }
        json.writeEndObject();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
