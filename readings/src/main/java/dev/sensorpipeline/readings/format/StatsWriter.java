package dev.sensorpipeline.readings.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sensorpipeline.readings.stats.BucketStats;
import dev.sensorpipeline.readings.stats.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** Prints statistics rows: CSV and JSON under the same field names, or a table. Numbers exact. */
public final class StatsWriter extends RowWriter<BucketStats> {

    public static final List<String> FIELDS = List.of("sensor_id", "bucket_start", "count", "temperature_min",
            "temperature_max", "temperature_mean", "humidity_min", "humidity_max", "humidity_mean");

    private final JsonFactory json = new JsonFactory();

    public StatsWriter() {
        super(FIELDS);
    }

    @Override
    List<String> csvCells(BucketStats row) {
        return List.of(row.sensorId(), Long.toString(row.bucketStart()), Long.toString(row.count()),
                Cells.number(row.temperature().min()), Cells.number(row.temperature().max()),
                Cells.number(row.temperature().mean()), humidity(row, Summary::min), humidity(row, Summary::max),
                humidity(row, Summary::mean));
    }

    private static String humidity(BucketStats row, Function<Summary, BigDecimal> part) {
        return row.humidity() == null ? "" : Cells.number(part.apply(row.humidity()));
    }

    @Override
    String json(BucketStats row) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = json.createGenerator(text)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeStringField(FIELDS.get(0), row.sensorId());
            g.writeNumberField(FIELDS.get(1), row.bucketStart());
            g.writeNumberField(FIELDS.get(2), row.count());
            summary(g, "temperature", row.temperature());
            summary(g, "humidity", row.humidity());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.toString();
    }

    private static void summary(JsonGenerator g, String field, Summary summary) throws IOException {
        if (summary == null) {
            g.writeNullField(field + "_min");
            g.writeNullField(field + "_max");
            g.writeNullField(field + "_mean");
            return;
        }
        g.writeNumberField(field + "_min", summary.min());
        g.writeNumberField(field + "_max", summary.max());
        g.writeNumberField(field + "_mean", summary.mean());
    }
}
