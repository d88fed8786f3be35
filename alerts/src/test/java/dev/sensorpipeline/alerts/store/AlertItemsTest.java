package dev.sensorpipeline.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.alerts.rules.Alert;
import dev.sensorpipeline.alerts.rules.Rule;
import dev.sensorpipeline.alerts.rules.RuleOverride;
import dev.sensorpipeline.alerts.rules.Sample;
import dev.sensorpipeline.model.SensorReading;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the function writes (the alert's item and message) and reads (an override's item), attribute by attribute. */
class AlertItemsTest {

    private static final Alert RISING = new Alert(
            new SensorReading("sensor-1", 1_764_400_000L, new BigDecimal("35.10"), new BigDecimal("41.5")),
            Rule.RISING_FAST, new BigDecimal("15"), Optional.of(new Sample(1_764_399_700L, new BigDecimal("20"))));

    @Test
    void item_holdsEveryFieldOfTheContract_unpublished() {
        // given / when
        Map<String, AttributeValue> item = DynamoDbAlertStore.item(RISING, 1_764_400_005L);

        // then
        assertThat(item).containsOnlyKeys("SensorId", "AlertKey", "CurrentTime", "Rule", "Temperature", "Threshold",
                "WindowLowest", "WindowLowestTime", "Humidity", "RaisedAt", "Published");
        assertThat(item.get("SensorId").s()).isEqualTo("sensor-1");
        assertThat(item.get("AlertKey").s()).isEqualTo("00000000001764400000#rising-fast");
        assertThat(item.get("CurrentTime").n()).isEqualTo("1764400000");
        assertThat(item.get("Temperature").n()).isEqualTo("35.10");
        assertThat(item.get("WindowLowest").n()).isEqualTo("20");
        assertThat(item.get("WindowLowestTime").n()).isEqualTo("1764399700");
        assertThat(item.get("Humidity").n()).isEqualTo("41.5");
        assertThat(item.get("RaisedAt").n()).isEqualTo("1764400005");
        assertThat(item.get("Published").bool()).isFalse();
    }

    @Test
    void message_isTheSameFieldsAsJson_withExactNumbers() {
        // given / when
        String message = SnsAlertPublisher.message(RISING, 1_764_400_005L);

        // then
        assertThat(message).isEqualTo("{\"SensorId\":\"sensor-1\",\"AlertKey\":\"00000000001764400000#rising-fast\","
                + "\"CurrentTime\":1764400000,\"Rule\":\"rising-fast\",\"Temperature\":35.10,\"Threshold\":15,"
                + "\"WindowLowest\":20,\"WindowLowestTime\":1764399700,\"Humidity\":41.5,\"RaisedAt\":1764400005}");
    }

    @Test
    void parse_readsEachOptionalThreshold() {
        // given
        Map<String, AttributeValue> item = Map.of("SensorId", AttributeValue.fromS("sensor-1"),
                "HighTemperature", AttributeValue.fromN("110"), "RiseWindowSeconds", AttributeValue.fromN("60"));

        // when
        RuleOverride override = DynamoDbRuleOverrides.parse("sensor-1", item);

        // then
        assertThat(override).isEqualTo(new RuleOverride(Optional.of(new BigDecimal("110")), Optional.empty(),
                Optional.empty(), Optional.of(60L)));
    }

    @Test
    void parse_leavesOutValuesThatAreNotValid_soTheDefaultsApply() {
        // given a string threshold, and windows of no time, a fraction and more than a day
        Map<String, AttributeValue> item = Map.of("HighTemperature", AttributeValue.fromS("110"),
                "LowTemperature", AttributeValue.fromN("-10"), "RiseWindowSeconds", AttributeValue.fromN("0"));

        // when / then
        assertThat(DynamoDbRuleOverrides.parse("sensor-1", item)).isEqualTo(new RuleOverride(Optional.empty(),
                Optional.of(new BigDecimal("-10")), Optional.empty(), Optional.empty()));
        assertThat(DynamoDbRuleOverrides.parse("sensor-1", Map.of("RiseWindowSeconds", AttributeValue.fromN("1.5")))
                .riseWindowSeconds()).isEmpty();
        assertThat(DynamoDbRuleOverrides.parse("sensor-1", Map.of("RiseWindowSeconds",
                AttributeValue.fromN("86401"))).riseWindowSeconds()).isEmpty();
    }
}
