package dev.sensorpipeline.alerts.testing;

import dev.sensorpipeline.alerts.rules.Alert;
import dev.sensorpipeline.alerts.rules.RuleOverride;
import dev.sensorpipeline.alerts.rules.Sample;
import dev.sensorpipeline.alerts.store.AlertPublisher;
import dev.sensorpipeline.alerts.store.AlertStore;
import dev.sensorpipeline.alerts.store.ReadingHistory;
import dev.sensorpipeline.alerts.store.RuleOverrides;
import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small fakes of the alert function's four outside dependencies, over one in-memory state: the readings table
 * (history), the rules table, the alerts table (conditional put semantics) and the topic.
 */
public final class InMemoryAlerts {

    /** A query made on the history: sensor and range. */
    public record Query(String sensorId, long from, long to) {
    }

    /** A message published. */
    public record Message(String sensorId, String rule, long currentTime, long raisedAt) {
    }

    private final Map<String, TreeMap<Long, BigDecimal>> readings = new HashMap<>();
    private final Map<String, RuleOverride> overrides = new HashMap<>();
    private final Map<String, Boolean> alerts = new TreeMap<>();
    private final Map<String, Long> raisedAt = new HashMap<>();
    public final List<Query> queries = new ArrayList<>();
    public final List<Message> published = new ArrayList<>();
    /** Publishes left to fail; -1: every one. */
    public int publishFailuresLeft;
    public boolean historyDown;

    /** Stores readings in the readings table, as the ingest function would have. */
    public InMemoryAlerts store(List<SensorReading> stored) {
        for (SensorReading reading : stored) {
            readings.computeIfAbsent(reading.sensorId(), id -> new TreeMap<>())
                    .put(reading.currentTime(), reading.temperature());
        }
        return this;
    }

    public InMemoryAlerts override(String sensorId, RuleOverride override) {
        overrides.put(sensorId, override);
        return this;
    }

    /** The alerts table: "sensor/alertKey" to Published. */
    public Map<String, Boolean> alerts() {
        return Map.copyOf(alerts);
    }

    public RuleOverrides overrides() {
        return sensorId -> overrides.getOrDefault(sensorId, RuleOverride.NONE);
    }

    public ReadingHistory history() {
        return (sensorId, from, to) -> {
            queries.add(new Query(sensorId, from, to));
            if (historyDown) {
                throw new IllegalStateException("SensorData unreachable");
            }
            List<Sample> samples = new ArrayList<>();
            readings.getOrDefault(sensorId, new TreeMap<>()).subMap(from, true, to, true)
                    .forEach((time, temperature) -> samples.add(new Sample(time, temperature)));
            return new ReadingHistory.Result(samples, 1, 0.5);
        };
    }

    public AlertStore store() {
        return new AlertStore() {
            @Override
            public Stored putIfAbsent(Alert alert, long at) {
                String key = key(alert);
                Boolean published = alerts.get(key);
                if (published == null) {
                    alerts.put(key, false);
                    raisedAt.put(key, at);
                    return new Stored(Status.NEW, at);
                }
                return new Stored(published ? Status.PUBLISHED : Status.UNPUBLISHED, raisedAt.get(key));
            }

            @Override
            public void markPublished(Alert alert) {
                alerts.put(key(alert), true);
            }
        };
    }

    public AlertPublisher publisher() {
        return (alert, at) -> {
            if (publishFailuresLeft != 0) {
                if (publishFailuresLeft > 0) {
                    publishFailuresLeft--;
                }
                throw new IllegalStateException("SNS unreachable");
            }
            published.add(new Message(alert.reading().sensorId(), alert.rule().ruleName(),
                    alert.reading().currentTime(), at));
        };
    }

    private static String key(Alert alert) {
        return alert.reading().sensorId() + "/" + alert.alertKey();
    }
}
