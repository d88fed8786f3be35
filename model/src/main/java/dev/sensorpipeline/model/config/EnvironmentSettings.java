package dev.sensorpipeline.model.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the functions' settings from their environment, each the same way: blank is unset, a bad value throws a
 * {@link ConfigurationException} whose message names the variable and says what it must be. The one place both
 * functions' configuration records read their variables through.
 *
 * @param env the environment, {@code System.getenv()} in Lambda
 */
public record EnvironmentSettings(Map<String, String> env) {

    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE_NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    public EnvironmentSettings {
        env = Map.copyOf(env);
    }

    /** The variable's value, stripped; empty when unset or blank. */
    public Optional<String> value(String variable) {
        return nonBlank(env.get(variable));
    }

    /** {@code AWS_REGION} (set by Lambda), else {@code AWS_DEFAULT_REGION}; fails when neither is set. */
    public String region() {
        return value("AWS_REGION")
                .or(() -> value("AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new ConfigurationException(
                        "AWS_REGION is not set: set it to the region of the tables, e.g. AWS_REGION=us-east-1"));
    }

    /** {@code AWS_LAMBDA_FUNCTION_NAME}, else the given name: the metrics' dimension. */
    public String functionName(String defaultName) {
        return value("AWS_LAMBDA_FUNCTION_NAME").orElse(defaultName);
    }

    /**
     * From {@code AWS_LAMBDA_INITIALIZATION_TYPE} (set by Lambda: "on-demand", "provisioned-concurrency" or
     * "snap-start"): true on an on-demand container and outside Lambda, where it is unset.
     */
    public boolean onDemandInitialization() {
        return value("AWS_LAMBDA_INITIALIZATION_TYPE").map("on-demand"::equals).orElse(true);
    }

    /** A DynamoDB table name, else the default. */
    public String tableName(String variable, String defaultName) {
        String name = value(variable).orElse(defaultName);
        if (!TABLE_NAME_PATTERN.matcher(name).matches()) {
            throw new ConfigurationException(variable + "='" + name + "' is not a DynamoDB table name:"
                    + " use 3 to 255 letters, digits, '_', '-' or '.'");
        }
        return name;
    }

    /** {@code true} or {@code false} in any case, else the default. */
    public boolean booleanSetting(String variable, boolean defaultValue) {
        Optional<String> value = value(variable);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(variable + "='" + value.get()
                    + "' is not true or false: set it to true or false, or unset it");
        };
    }

    /** A whole number from {@code min} to {@code max}, else the default. */
    public int intSetting(String variable, int defaultValue, int min, int max) {
        return optionalInt(variable, min, max).orElse(defaultValue);
    }

    /** A whole number from {@code min} to {@code max}; empty when unset. */
    public Optional<Integer> optionalInt(String variable, int min, int max) {
        return value(variable).map(v -> parseInt(variable, v, min, max));
    }

    /** A decimal number (such as a temperature), else the default. */
    public BigDecimal decimalSetting(String variable, BigDecimal defaultValue) {
        Optional<String> value = value(variable);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return new BigDecimal(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable + "='" + value.get() + "' is not a number: set it to a"
                    + " decimal number such as " + defaultValue.toPlainString() + ", or unset it");
        }
    }

    private static int parseInt(String variable, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable + "='" + value + "' is not a whole number: set it to a number"
                    + " from " + min + " to " + max + ", or unset it");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigurationException(variable + "=" + parsed + " is out of range: set it to a number from "
                    + min + " to " + max + ", or unset it");
        }
        return parsed;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
