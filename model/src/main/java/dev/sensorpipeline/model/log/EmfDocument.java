package dev.sensorpipeline.model.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudWatch Embedded Metric Format document, as the fields of one {@link JsonLogger} line: the figures at the top
 * level with their JSON types, the {@code FunctionName} dimension, and the {@code _aws} block naming each metric and
 * its unit. Both functions' batch summaries are written through it, so their metrics need no PutMetricData call.
 */
public final class EmfDocument {

    /** The namespace of every function's metrics. */
    public static final String NAMESPACE = "SensorPipeline";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, String>> metrics = new ArrayList<>();

    private EmfDocument() {
    }

    /** An empty document. */
    public static EmfDocument create() {
        return new EmfDocument();
    }

    /** Adds a metric counted in {@code Count}. */
    public EmfDocument count(String name, long value) {
        return metric(name, value, "Count");
    }

    /** Adds a metric in the given CloudWatch unit ({@code Count}, {@code Milliseconds}, ...). */
    public EmfDocument metric(String name, Number value, String unit) {
        fields.put(name, value);
        metrics.add(Map.of("Name", name, "Unit", unit));
        return this;
    }

    /** The fields of the log line: the figures, the dimension, and the {@code _aws} metadata. */
    public Map<String, Object> toFields(String functionName, Instant now) {
        Map<String, Object> document = new LinkedHashMap<>(fields);
        document.put("FunctionName", functionName);
        document.put("_aws", Map.of(
                "Timestamp", now.toEpochMilli(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("FunctionName")),
                        "Metrics", List.copyOf(metrics)))));
        return document;
    }
}
