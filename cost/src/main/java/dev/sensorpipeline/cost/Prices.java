package dev.sensorpipeline.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * List prices in USD, as one data file holds them (infra/prices-us-east-1.json): us-east-1's, or another region's
 * scaled by a factor the user gives.
 *
 * @param asOf                   the date the prices were read from AWS's pages
 * @param region                 the region they are for
 * @param kinesisShardHour       a provisioned shard for an hour
 * @param kinesisPutUnitsMillion a million PUT payload units (25 KB of a record each)
 * @param lambdaRequestsMillion  a million invocations
 * @param lambdaArmGbSecond      a GB-second of an arm64 function
 * @param dynamoDbWruMillion     a million on-demand write request units
 * @param dynamoDbGbMonth        a GB of table (and index) storage for a month
 * @param logsIngestedGb         a GB of CloudWatch Logs ingested
 * @param customMetricMonth      one custom metric (an EMF metric name and dimension value) for a month
 * @param alarmMonth             one standard-resolution alarm for a month
 */
public record Prices(
        String asOf, String region, double kinesisShardHour, double kinesisPutUnitsMillion,
        double lambdaRequestsMillion, double lambdaArmGbSecond, double dynamoDbWruMillion, double dynamoDbGbMonth,
        double logsIngestedGb, double customMetricMonth, double alarmMonth) {

    /** Reads the data file; a missing file or price fails naming it. */
    public static Prices load(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        return new Prices(text(json, "asOf", file), text(json, "region", file),
                price(json, "kinesisShardHour", file), price(json, "kinesisPutPayloadUnitsPerMillion", file),
                price(json, "lambdaRequestsPerMillion", file), price(json, "lambdaArmGbSecond", file),
                price(json, "dynamoDbWriteRequestUnitsPerMillion", file), price(json, "dynamoDbStorageGbMonth", file),
                price(json, "cloudWatchLogsIngestedGb", file), price(json, "cloudWatchCustomMetricMonth", file),
                price(json, "cloudWatchAlarmMonth", file));
    }

    /** Another region's prices, as this region's times {@code factor}. */
    public Prices scaledFor(String otherRegion, double factor) {
        return new Prices(asOf, otherRegion, kinesisShardHour * factor, kinesisPutUnitsMillion * factor,
                lambdaRequestsMillion * factor, lambdaArmGbSecond * factor, dynamoDbWruMillion * factor,
                dynamoDbGbMonth * factor, logsIngestedGb * factor, customMetricMonth * factor, alarmMonth * factor);
    }

    private static String text(JsonNode json, String field, Path file) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(file + ": no text field '" + field + "'");
        }
        return value.asText();
    }

    private static double price(JsonNode json, String field, Path file) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0) {
            throw new IOException(file + ": no price '" + field + "' (a number, 0 or more)");
        }
        return value.asDouble();
    }
}
