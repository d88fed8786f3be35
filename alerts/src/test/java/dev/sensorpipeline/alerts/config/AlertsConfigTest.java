package dev.sensorpipeline.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sensorpipeline.alerts.rules.Thresholds;
import dev.sensorpipeline.model.config.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsConfigTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:sensor-alerts";

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "ALERT_TOPIC_ARN", TOPIC));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Test
    void fromEnvironment_withOnlyTheTopic_takesTheIssuesDefaults() {
        // given / when
        AlertsConfig config = AlertsConfig.fromEnvironment(env());

        // then
        assertThat(config.tableName()).isEqualTo("SensorData");
        assertThat(config.alertsTableName()).isEqualTo("SensorAlerts");
        assertThat(config.rulesTableName()).isEqualTo("SensorAlertRules");
        assertThat(config.topicArn()).isEqualTo(TOPIC);
        assertThat(config.defaults()).isEqualTo(new Thresholds(BigDecimal.valueOf(100), BigDecimal.valueOf(-40),
                BigDecimal.valueOf(15), 300));
        assertThat(config.rulesCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.functionName()).isEqualTo("sensor-alerts");
    }

    @Test
    void fromEnvironment_readsEachSetting() {
        // given
        Map<String, String> env = env("TABLE_NAME", "Readings", "ALERTS_TABLE_NAME", "Alerts",
                "ALERT_RULES_TABLE_NAME", "Rules", "ALERT_HIGH_TEMPERATURE", "90.5", "ALERT_LOW_TEMPERATURE", "-10",
                "ALERT_RISE_DEGREES", "5", "ALERT_RISE_WINDOW_SECONDS", "60", "ALERT_RULES_CACHE_SECONDS", "0");

        // when
        AlertsConfig config = AlertsConfig.fromEnvironment(env);

        // then
        assertThat(config.tableName()).isEqualTo("Readings");
        assertThat(config.alertsTableName()).isEqualTo("Alerts");
        assertThat(config.rulesTableName()).isEqualTo("Rules");
        assertThat(config.defaults()).isEqualTo(new Thresholds(new BigDecimal("90.5"), new BigDecimal("-10"),
                new BigDecimal("5"), 60));
        assertThat(config.rulesCacheTtl()).isZero();
    }

    @Test
    void fromEnvironment_withoutTheTopic_failsNamingIt() {
        // given
        Map<String, String> env = env();
        env.remove("ALERT_TOPIC_ARN");

        // when / then
        assertThatThrownBy(() -> AlertsConfig.fromEnvironment(env)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ALERT_TOPIC_ARN is not set");
    }

    @Test
    void fromEnvironment_withATopicNameForAnArn_failsNamingIt() {
        // given / when / then
        assertThatThrownBy(() -> AlertsConfig.fromEnvironment(env("ALERT_TOPIC_ARN", "sensor-alerts")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ALERT_TOPIC_ARN='sensor-alerts' is not an SNS topic ARN");
    }

    @Test
    void fromEnvironment_withABadThreshold_failsNamingIt() {
        // given / when / then
        assertThatThrownBy(() -> AlertsConfig.fromEnvironment(env("ALERT_HIGH_TEMPERATURE", "hot")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("ALERT_HIGH_TEMPERATURE='hot'");
        assertThatThrownBy(() -> AlertsConfig.fromEnvironment(env("ALERT_RISE_WINDOW_SECONDS", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("ALERT_RISE_WINDOW_SECONDS=0");
    }
}
