package dev.sensorpipeline.alerts.store;

import dev.sensorpipeline.alerts.rules.RuleOverride;
import dev.sensorpipeline.model.log.JsonLogger;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link RuleOverrides} on {@code SensorAlertRules} (hash {@code SensorId}): one GetItem per sensor. Each of
 * {@code HighTemperature}, {@code LowTemperature}, {@code RiseDegrees} (N) and {@code RiseWindowSeconds} (N, whole
 * seconds from 1 to a day) is optional; one that is not a valid number is logged and left out, so the default
 * applies to it.
 *
 * @param dynamoDb the client
 * @param table    the rules table's name
 */
public record DynamoDbRuleOverrides(DynamoDbClient dynamoDb, String table) implements RuleOverrides {

    /** The longest {@code RiseWindowSeconds} an item may set: a day. */
    public static final long MAX_WINDOW_SECONDS = 86_400;

    private static final JsonLogger LOG = JsonLogger.of(DynamoDbRuleOverrides.class);

    @Override
    public RuleOverride forSensor(String sensorId) {
        GetItemResponse response = dynamoDb.getItem(request -> request.tableName(table)
                .key(Map.of("SensorId", AttributeValue.fromS(sensorId))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return RuleOverride.NONE;
        }
        return parse(sensorId, response.item());
    }

    /** The override an item of the table holds. */
    static RuleOverride parse(String sensorId, Map<String, AttributeValue> item) {
        Optional<Long> window = number(sensorId, item, "RiseWindowSeconds").flatMap(value -> {
            try {
                long seconds = value.longValueExact();
                if (seconds >= 1 && seconds <= MAX_WINDOW_SECONDS) {
                    return Optional.of(seconds);
                }
            } catch (ArithmeticException e) {
                // not whole: said below
            }
            LOG.warn("alert rule override ignored: RiseWindowSeconds must be whole seconds from 1 to "
                    + MAX_WINDOW_SECONDS, "sensorId", sensorId, "value", value.toPlainString());
            return Optional.empty();
        });
        return new RuleOverride(number(sensorId, item, "HighTemperature"), number(sensorId, item, "LowTemperature"),
                number(sensorId, item, "RiseDegrees"), window);
    }

    private static Optional<BigDecimal> number(String sensorId, Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.n() != null) {
            try {
                return Optional.of(new BigDecimal(value.n()));
            } catch (NumberFormatException e) {
                // said below
            }
        }
        LOG.warn("alert rule override ignored: not a number (N); the default applies", "sensorId", sensorId,
                "attribute", name);
        return Optional.empty();
    }
}
