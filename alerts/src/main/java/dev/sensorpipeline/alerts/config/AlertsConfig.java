package dev.sensorpipeline.alerts.config;

import dev.sensorpipeline.alerts.rules.Thresholds;
import dev.sensorpipeline.model.config.ConfigurationException;
import dev.sensorpipeline.model.config.EnvironmentSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The alerts function's settings, read once from the environment when the container starts. A bad setting fails the
 * start-up with a message naming it. {@code AWS_ENDPOINT_URL}, when set, is read by the SDK itself, as for the
 * ingest function.
 *
 * @param region            {@code AWS_REGION} (set by Lambda), else {@code AWS_DEFAULT_REGION}
 * @param tableName         {@code TABLE_NAME}, default {@code SensorData}: the readings, the history of the rules
 * @param alertsTableName   {@code ALERTS_TABLE_NAME}, default {@code SensorAlerts}
 * @param rulesTableName    {@code ALERT_RULES_TABLE_NAME}, default {@code SensorAlertRules}: per-sensor overrides
 * @param topicArn          {@code ALERT_TOPIC_ARN}, required: the SNS topic alerts are published to
 * @param defaults          {@code ALERT_HIGH_TEMPERATURE} (100), {@code ALERT_LOW_TEMPERATURE} (-40),
 *                          {@code ALERT_RISE_DEGREES} (15), {@code ALERT_RISE_WINDOW_SECONDS} (300, 1 to 86400)
 * @param rulesCacheTtl     {@code ALERT_RULES_CACHE_SECONDS}, default 60 (0 to 3600): how long an override is kept
 * @param functionName      {@code AWS_LAMBDA_FUNCTION_NAME}, default {@code sensor-alerts}: the metrics' dimension
 */
public record AlertsConfig(String region, String tableName, String alertsTableName, String rulesTableName,
                           String topicArn, Thresholds defaults, Duration rulesCacheTtl, String functionName) {

    public static final String DEFAULT_TABLE_NAME = "SensorData";
    public static final String DEFAULT_ALERTS_TABLE_NAME = "SensorAlerts";
    public static final String DEFAULT_RULES_TABLE_NAME = "SensorAlertRules";
    public static final String DEFAULT_FUNCTION_NAME = "sensor-alerts";

    /** An SNS topic's ARN: {@code arn:<partition>:sns:<region>:<account>:<name>}. */
    private static final Pattern TOPIC_ARN = Pattern.compile(
            "arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    /** Reads and checks every setting; throws {@link ConfigurationException} naming the first bad one. */
    public static AlertsConfig fromEnvironment(Map<String, String> env) {
        EnvironmentSettings settings = new EnvironmentSettings(env);
        return new AlertsConfig(
                settings.region(),
                settings.tableName("TABLE_NAME", DEFAULT_TABLE_NAME),
                settings.tableName("ALERTS_TABLE_NAME", DEFAULT_ALERTS_TABLE_NAME),
                settings.tableName("ALERT_RULES_TABLE_NAME", DEFAULT_RULES_TABLE_NAME),
                topicArn(settings),
                new Thresholds(
                        settings.decimalSetting("ALERT_HIGH_TEMPERATURE", BigDecimal.valueOf(100)),
                        settings.decimalSetting("ALERT_LOW_TEMPERATURE", BigDecimal.valueOf(-40)),
                        settings.decimalSetting("ALERT_RISE_DEGREES", BigDecimal.valueOf(15)),
                        settings.intSetting("ALERT_RISE_WINDOW_SECONDS", 300, 1, 86_400)),
                Duration.ofSeconds(settings.intSetting("ALERT_RULES_CACHE_SECONDS", 60, 0, 3600)),
                settings.functionName(DEFAULT_FUNCTION_NAME));
    }

    private static String topicArn(EnvironmentSettings settings) {
        String arn = settings.value("ALERT_TOPIC_ARN").orElseThrow(() -> new ConfigurationException(
                "ALERT_TOPIC_ARN is not set: set it to the ARN of the sensor-alerts SNS topic, e.g."
                        + " arn:aws:sns:us-east-1:123456789012:sensor-alerts (scripts/deploy.sh makes it)"));
        if (!TOPIC_ARN.matcher(arn).matches()) {
            throw new ConfigurationException("ALERT_TOPIC_ARN='" + arn + "' is not an SNS topic ARN: use"
                    + " arn:aws:sns:<region>:<account>:<topic>, e.g. arn:aws:sns:us-east-1:123456789012:sensor-alerts");
        }
        return arn;
    }
}
