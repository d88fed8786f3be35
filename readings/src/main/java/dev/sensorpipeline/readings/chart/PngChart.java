package dev.sensorpipeline.readings.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The chart as a PNG, drawn headless with JFreeChart: a line per sensor (with its min-max band when bucketed),
 * humidity dashed on a second axis when present, the alert thresholds as red lines, and each sensor's min, max,
 * mean and last under the chart. Times in the JVM's time zone, named on the axis.
 */
public final class PngChart {

    /** The size it is drawn at. */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 800;

    private final TimeZone zone;

    public PngChart(TimeZone zone) {
        this.zone = zone;
    }

    /** Draws {@code chart} to {@code file}. */
    public void write(Chart chart, Path file) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ChartUtils.saveChartAsPNG(file.toFile(), draw(chart), WIDTH, HEIGHT);
    }

    JFreeChart draw(Chart chart) {
        YIntervalSeriesCollection temperatures = new YIntervalSeriesCollection();
        XYSeriesCollection humidities = new XYSeriesCollection();
        DeviationRenderer temperatureRenderer = new DeviationRenderer(true, false);
        XYLineAndShapeRenderer humidityRenderer = new XYLineAndShapeRenderer(true, false);
        int humidityIndex = 0;
        for (int i = 0; i < chart.series().size(); i++) {
            SensorSeries s = chart.series().get(i);
            Color color = color(i);
            YIntervalSeries t = new YIntervalSeries(s.sensorId() + (chart.bucket().isPresent() ? " (mean)" : ""),
                    false, true);
            XYSeries h = new XYSeries(s.sensorId() + " humidity %", false, true);
            for (Point p : s.points()) {
                long millis = p.time() * 1000;
                t.add(millis, p.temperature().doubleValue(), p.min().doubleValue(), p.max().doubleValue());
                if (p.humidity() != null) {
                    h.add(millis, p.humidity().doubleValue());
                }
            }
            temperatures.addSeries(t);
            temperatureRenderer.setSeriesPaint(i, color);
            temperatureRenderer.setSeriesFillPaint(i, color);
            temperatureRenderer.setSeriesStroke(i, new BasicStroke(1.5f));
            if (!h.isEmpty()) {
                humidities.addSeries(h);
                humidityRenderer.setSeriesPaint(humidityIndex, color);
                humidityRenderer.setSeriesStroke(humidityIndex, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                humidityIndex++;
            }
        }
        temperatureRenderer.setAlpha(0.18f);

        DateAxis time = new DateAxis("time (" + zone.getID() + ")");
        time.setTimeZone(zone);
        NumberAxis temperature = new NumberAxis("temperature");
        temperature.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(temperatures, time, temperature, temperatureRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        if (humidities.getSeriesCount() > 0) {
            NumberAxis humidity = new NumberAxis("humidity %");
            humidity.setRange(0, 100);
            plot.setRangeAxis(1, humidity);
            plot.setDataset(1, humidities);
            plot.setRenderer(1, humidityRenderer);
            plot.mapDatasetToRangeAxis(1, 1);
        }
        plot.addRangeMarker(threshold(chart.alertHigh().doubleValue(), "high-temperature alert " + chart.alertHigh()));
        plot.addRangeMarker(threshold(chart.alertLow().doubleValue(), "low-temperature alert " + chart.alertLow()));
        // The axis reaches the thresholds, as on the page, so that their lines are always in view.
        double low = chart.alertLow().doubleValue();
        double high = chart.alertHigh().doubleValue();
        for (SensorSeries s : chart.series()) {
            for (Point p : s.points()) {
                low = Math.min(low, p.min().doubleValue());
                high = Math.max(high, p.max().doubleValue());
            }
        }
        double pad = Math.max((high - low) * 0.05, 1);
        temperature.setRange(low - pad, high + pad);

        JFreeChart jfree = new JFreeChart(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, true);
        jfree.setBackgroundPaint(Color.WHITE);
        for (SensorSeries s : chart.series()) {
            TextTitle line = new TextTitle(s.sensorId() + ": " + s.overall().count() + " readings, min "
                    + s.overall().temperature().min().toPlainString() + ", max "
                    + s.overall().temperature().max().toPlainString() + ", mean "
                    + s.overall().temperature().mean().toPlainString() + ", last "
                    + s.last().temperature().toPlainString(), new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            line.setPosition(RectangleEdge.BOTTOM);
            jfree.addSubtitle(line);
        }
        return jfree;
    }

    private static ValueMarker threshold(double value, String label) {
        ValueMarker marker = new ValueMarker(value, new Color(0xD62728), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelPaint(new Color(0xD62728));
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    /** The same hues as the page's (golden-angle steps from blue). */
    static Color color(int index) {
        float hue = (float) (((index * 137.508 + 210) % 360) / 360.0);
        return Color.getHSBColor(hue, 0.75f, 0.7f);
    }
}
