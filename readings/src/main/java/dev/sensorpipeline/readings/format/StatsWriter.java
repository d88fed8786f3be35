package dev.sensorpipeline.readings.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sensorpipeline.readings.stats.BucketStats;
import dev.sensorpipeline.readings.stats.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Prints statistics rows: CSV and JSON under the same field names, or a table. Numbers exact. */
public final class StatsWriter {

    public static final List<String> FIELDS = List.of("sensor_id", "bucket_start", "count", "temperature_min",
            "temperature_max", "temperature_mean", "humidity_min", "humidity_max", "humidity_mean");

    private final JsonFactory json = new JsonFactory();

    /** Writes {@code rows} in {@code format} to {@code out}. */
    public void write(List<BucketStats> rows, Format format, PrintWriter out) {
        switch (format) {
            case CSV -> {
                Cells.csvLine(out, FIELDS);
                for (BucketStats row : rows) {
                    Cells.csvLine(out, cells(row));
                }
            }
            case JSON -> {
                for (BucketStats row : rows) {
                    out.println(json(row));
                }
            }
            case TABLE -> {
                List<List<String>> table = new ArrayList<>();
                for (BucketStats row : rows) {
                    List<String> cells = new ArrayList<>(cells(row));
                    cells.add(2, Cells.utc(row.bucketStart()));
                    table.add(cells);
                }
                List<String> header = new ArrayList<>(FIELDS);
                header.add(2, "utc");
                boolean[] right = new boolean[header.size()];
                java.util.Arrays.fill(right, true);
                right[0] = false;
                right[2] = false;
                Cells.table(out, header, table, right);
            }
            default -> throw new IllegalArgumentException("no writer for " + format);
        }
        out.flush();
    }

    private static List<String> cells(BucketStats row) {
        return List.of(row.sensorId(), Long.toString(row.bucketStart()), Long.toString(row.count()),
                Cells.number(row.temperature().min()), Cells.number(row.temperature().max()),
                Cells.number(row.temperature().mean()), humidity(row, Summary::min), humidity(row, Summary::max),
                humidity(row, Summary::mean));
    }

    private static String humidity(BucketStats row, Function<Summary, BigDecimal> part) {
        return row.humidity() == null ? "" : Cells.number(part.apply(row.humidity()));
    }

    private String json(BucketStats row) {
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
