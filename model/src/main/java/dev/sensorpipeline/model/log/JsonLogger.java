package dev.sensorpipeline.model.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda ships to CloudWatch Logs, where Logs Insights
 * reads every field by name. The API follows SLF4J's levels and key-value pairs.
 *
 * <p>Not SLF4J with a JSON backend: the batch summary doubles as a CloudWatch Embedded Metric Format document,
 * which needs its fields at the top level with their JSON types, and logback's {@code JsonEncoder} nests
 * key-values as strings in a {@code kvpList}. Every value here goes through Jackson's generator, so quotes,
 * newlines and control characters in a value cannot break a line.
 */
public final class JsonLogger {

    private static final JsonFactory JSON = new JsonFactory();

    private final String name;
    private final Supplier<PrintStream> out;
    private final Clock clock;

    JsonLogger(String name, Supplier<PrintStream> out, Clock clock) {
        this.name = name;
        this.out = out;
        this.clock = clock;
    }

    /** A logger named for {@code type}, writing to whatever stdout is when it writes. */
    public static JsonLogger of(Class<?> type) {
        return new JsonLogger(type.getSimpleName(), () -> System.out, Clock.systemUTC());
    }

    /** A logger writing to {@code out}; for tests. */
    public static JsonLogger to(PrintStream out, String name) {
        return new JsonLogger(name, () -> out, Clock.systemUTC());
    }

    public void info(String message, Object... keyValues) {
        log("INFO", message, keyValues, null);
    }

    public void warn(String message, Object... keyValues) {
        log("WARN", message, keyValues, null);
    }

    public void error(String message, Object... keyValues) {
        log("ERROR", message, keyValues, null);
    }

    /** Logs with extra top-level fields written as they are (an EMF {@code _aws} block, say). */
    public void info(String message, Map<String, ?> fields) {
        log("INFO", message, new Object[0], fields);
    }

    private void log(String level, String message, Object[] keyValues, Map<String, ?> fields) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(256);
             JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("timestamp", clock.instant().toString());
            json.writeStringField("level", level);
            json.writeStringField("logger", name);
            json.writeStringField("message", message);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                json.writeFieldName(String.valueOf(keyValues[i]));
                writeValue(json, keyValues[i + 1]);
            }
            if (fields != null) {
                for (Map.Entry<String, ?> field : fields.entrySet()) {
                    json.writeFieldName(field.getKey());
                    writeValue(json, field.getValue());
                }
            }
            json.writeEndObject();
            json.flush();
            out.get().println(new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a log line to memory cannot fail", e);
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }
}
