package dev.sensorpipeline.readings.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The chart as the page's script reads it: uPlot's aligned columns (one x array, the union of every sensor's
 * times, and per sensor its values at those times or null), and each sensor's summary as exact strings for the
 * legend.
 */
final class PageData {

    private static final JsonFactory JSON = new JsonFactory();

    private PageData() {
    }

    /** The chart as JSON (not yet escaped for a page). */
    static String json(Chart chart) {
        TreeSet<Long> times = new TreeSet<>();
        for (SensorSeries s : chart.series()) {
            s.points().forEach(p -> times.add(p.time()));
        }
        List<Long> x = List.copyOf(times);
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeStringField("title", chart.title());
            g.writeStringField("bucket", chart.bucket().map(Object::toString).orElse(null));
            g.writeNumberField("alertHigh", chart.alertHigh());
            g.writeNumberField("alertLow", chart.alertLow());
            g.writeArrayFieldStart("x");
            for (long t : x) {
                g.writeNumber(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sensors");
            for (SensorSeries s : chart.series()) {
                g.writeStartObject();
                g.writeStringField("id", s.sensorId());
                g.writeNumberField("count", s.overall().count());
                g.writeStringField("min", s.overall().temperature().min().toPlainString());
                g.writeStringField("max", s.overall().temperature().max().toPlainString());
                g.writeStringField("mean", s.overall().temperature().mean().toPlainString());
                g.writeStringField("last", s.last().temperature().toPlainString());
                g.writeNumberField("lastTime", s.last().currentTime());
                g.writeBooleanField("hasHumidity", s.hasHumidity());
                column(g, "temperature", s, x, Point::temperature);
                column(g, "min", s, x, Point::min);
                column(g, "max", s, x, Point::max);
                column(g, "humidity", s, x, Point::humidity);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.toString();
    }

    /** The series' values at each of {@code x}'s times, null where it has no point. */
    private static void column(JsonGenerator g, String name, SensorSeries s, List<Long> x,
            Function<Point, BigDecimal> value) throws IOException {
        g.writeArrayFieldStart(name + "Values");
        int i = 0;
        List<Point> points = s.points();
        for (long t : x) {
            if (i < points.size() && points.get(i).time() == t) {
                BigDecimal v = value.apply(points.get(i));
                if (v == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
                i++;
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }
}
