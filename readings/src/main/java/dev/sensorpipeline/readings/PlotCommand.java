package dev.sensorpipeline.readings;

import dev.sensorpipeline.model.SensorReading;
import dev.sensorpipeline.readings.chart.Chart;
import dev.sensorpipeline.readings.chart.HtmlPage;
import dev.sensorpipeline.readings.chart.PngChart;
import dev.sensorpipeline.readings.query.TimeRange;
import dev.sensorpipeline.readings.stats.Bucket;
import dev.sensorpipeline.readings.stats.BucketChoice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plot SENSOR... --out FILE}: the chart, as a self-contained HTML page or a PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The chart of the sensors' temperatures (and humidity, on a second axis, when present) "
                + "with the alert thresholds, to FILE: .html, one self-contained page (uPlot inlined; time in the "
                + "viewer's zone; zoom by dragging; a legend with each sensor's min, max, mean and last), or .png "
                + "(" + PngChart.WIDTH + " x " + PngChart.HEIGHT + ", time in this machine's zone).",
            "Without --bucket, one is picked so that a series holds at most about " + BucketChoice.MAX_POINTS
                    + " points; bucketed points are means with their min-max band."})
final class PlotCommand implements Callable<Integer> {

    @ParentCommand
    private ReadingsCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SENSOR", description = "The sensors' ids.")
    private List<String> sensorIds;

    @Mixin
    private RangeOptions rangeOptions;

    @Option(names = "--bucket", paramLabel = "WIDTH", converter = Converters.BucketConverter.class,
            description = "1m, 5m, 1h or 1d (default: picked for at most about " + BucketChoice.MAX_POINTS
                    + " points a series).")
    private Bucket bucket;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to write the chart: a file name ending in .html or .png.")
    private Path out;

    @Option(names = "--alert-high", paramLabel = "T", defaultValue = "${env:ALERT_HIGH_TEMPERATURE:-100}",
            description = "The high-temperature alert threshold drawn (default: ALERT_HIGH_TEMPERATURE, else 100).")
    private BigDecimal alertHigh;

    @Option(names = "--alert-low", paramLabel = "T", defaultValue = "${env:ALERT_LOW_TEMPERATURE:--40}",
            description = "The low-temperature alert threshold drawn (default: ALERT_LOW_TEMPERATURE, else -40).")
    private BigDecimal alertLow;

    @Mixin
    private TableOptions tableOptions;

    @Override
    public Integer call() {
        boolean html = checkOut();
        TimeRange range = rangeOptions.range(spec);
        PrintWriter err = spec.commandLine().getErr();
        return TableSession.run(parent.dependencies(), tableOptions, err, table -> {
            Map<String, List<SensorReading>> bySensor = new LinkedHashMap<>();
            for (String sensorId : sensorIds) {
                List<SensorReading> readings = table.range(sensorId, range);
                if (readings.isEmpty()) {
                    TableSession.noReadings(err, sensorId, table, range);
                }
                bySensor.put(sensorId, readings);
            }
            if (bySensor.values().stream().allMatch(List::isEmpty)) {
                err.println("nothing to chart: " + out + " not written");
                return ExitCode.OK;
            }
            Optional<Bucket> chosen = bucket != null ? Optional.of(bucket)
                    : BucketChoice.forSeries(bySensor.values());
            Chart chart = Chart.of(title(bySensor, range, table.tableName()), bySensor, chosen, alertHigh, alertLow);
            write(chart, html);
            err.println("wrote " + out + ": " + chart.series().size() + " sensor(s), "
                    + chosen.map(b -> "in " + b + " buckets").orElse("every reading"));
            err.flush();
            return ExitCode.OK;
        });
    }

    /** Whether the chart is a page (else a PNG); a bad name or a missing folder is bad usage. */
    private boolean checkOut() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + ": the file name must end in .html (a page) or .png (an image)");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": the folder " + folder
                    + " does not exist; make it first");
        }
        return name.endsWith(".html");
    }

    private void write(Chart chart, boolean html) {
        try {
            if (html) {
                Files.writeString(out, HtmlPage.fromClassPath().render(chart), StandardCharsets.UTF_8);
            } else {
                new PngChart(parent.dependencies().zone()).write(chart, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static String title(Map<String, List<SensorReading>> bySensor, TimeRange range, String table) {
        List<String> shown = bySensor.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        String sensors = shown.size() <= 6 ? String.join(", ", shown)
                : String.join(", ", shown.subList(0, 5)) + " and " + (shown.size() - 5) + " more";
        return "Readings of " + sensors + " (" + table + RangeOptions.describe(range) + ")";
    }
}
