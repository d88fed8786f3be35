package dev.sensorpipeline.alerts.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sensorpipeline.alerts.rules.Alert;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * {@link AlertPublisher} on an SNS topic: the message is the alert's fields as one JSON object (numbers as exact as
 * stored), with {@code SensorId} and {@code Rule} also as String message attributes, for subscription filters.
 *
 * @param sns      the client
 * @param topicArn the topic
 */
public record SnsAlertPublisher(SnsClient sns, String topicArn) implements AlertPublisher {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void publish(Alert alert, long raisedAt) {
        sns.publish(request -> request.topicArn(topicArn)
                .message(message(alert, raisedAt))
                .messageAttributes(Map.of(
                        AlertFields.SENSOR_ID, stringAttribute(alert.reading().sensorId()),
                        AlertFields.RULE, stringAttribute(alert.rule().ruleName()))));
    }

    /** The message's body: {@link AlertFields} as JSON. */
    public static String message(Alert alert, long raisedAt) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : AlertFields.of(alert, raisedAt).entrySet()) {
                json.writeFieldName(field.getKey());
                if (field.getValue() instanceof BigDecimal number) {
                    json.writeNumber(number.toPlainString());
                } else {
                    json.writeString(field.getValue().toString());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out.toString();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
