package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.Alert;
import dev.sensorpipeline.alerts.rules.Sample;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert's fields, by name, in one place: the attributes of its item in {@code SensorAlerts} and the fields of its
 * JSON message are the same. Values are strings (S) or numbers (N); {@code Published} is the item's alone.
 */
public final class AlertFields {

    public static final String SENSOR_ID = "SensorId";
    public static final String ALERT_KEY = "AlertKey";
    public static final String CURRENT_TIME = "CurrentTime";
    public static final String RULE = "Rule";
    public static final String TEMPERATURE = "Temperature";
    public static final String THRESHOLD = "Threshold";
    public static final String WINDOW_LOWEST = "WindowLowest";
    public static final String WINDOW_LOWEST_TIME = "WindowLowestTime";
    public static final String HUMIDITY = "Humidity";
    public static final String RAISED_AT = "RaisedAt";
    public static final String PUBLISHED = "Published";

    private AlertFields() {
    }

    /** The fields, {@link String} or {@link BigDecimal} each, in the order a person reads them. */
    public static Map<String, Object> of(Alert alert, long raisedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(SENSOR_ID, alert.reading().sensorId());
        fields.put(ALERT_KEY, alert.alertKey());
        fields.put(CURRENT_TIME, BigDecimal.valueOf(alert.reading().currentTime()));
        fields.put(RULE, alert.rule().ruleName());
        fields.put(TEMPERATURE, alert.reading().temperature());
        fields.put(THRESHOLD, alert.threshold());
        if (alert.windowLowest().isPresent()) {
            Sample lowest = alert.windowLowest().get();
            fields.put(WINDOW_LOWEST, lowest.temperature());
            fields.put(WINDOW_LOWEST_TIME, BigDecimal.valueOf(lowest.time()));
        }
        alert.reading().humidityIfPresent().ifPresent(humidity -> fields.put(HUMIDITY, humidity));
        fields.put(RAISED_AT, BigDecimal.valueOf(raisedAt));
        return fields;
    }
}
