package dev.sensorpipeline.ingest.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The function's settings, read once from the environment when the container starts. A bad setting fails the
 * start-up with a message naming it, rather than the first record.
 *
 * @param region           from {@code AWS_REGION} (set by Lambda), else {@code AWS_DEFAULT_REGION}
 * @param tableName        {@code TABLE_NAME}, default {@code SensorData}
 * @param rejectsTableName {@code REJECTS_TABLE_NAME}, default {@code SensorDataRejects}
 * @param readingTtl       {@code READING_TTL_DAYS}: when set, items get {@code ExpiresAt} = CurrentTime + this
 * @param writeParallelism {@code WRITE_PARALLELISM}, default 8: BatchWriteItem requests in flight at once
 * @param maxWriteAttempts {@code WRITE_MAX_ATTEMPTS}, default 12: attempts per request before its items are reported
 * @param deadlineMargin   {@code DEADLINE_MARGIN_MS}, default 1000: no write starts this close to the timeout
 * @param functionName     {@code AWS_LAMBDA_FUNCTION_NAME}, the metrics' dimension
 * @param checkTablesAtStart {@code CHECK_TABLES_AT_START}, default true: DescribeTable both tables at start-up, so a
 *                         wrong name fails the start-up naming it; false skips the check (and its permission)
 * @param buildInBackground from {@code AWS_LAMBDA_INITIALIZATION_TYPE} (set by Lambda): true on an on-demand container
 *                         and outside Lambda, where the client build and the table check overlap the runtime's own
 *                         start-up and the first invocation waits for them; false with provisioned concurrency and
 *                         SnapStart, whose init is off the request path, so everything is done in it
 */
public record IngestConfig(
        String region,
        String tableName,
        String rejectsTableName,
        Optional<Duration> readingTtl,
        int writeParallelism,
        int maxWriteAttempts,
        Duration deadlineMargin,
        String functionName,
        boolean checkTablesAtStart,
        boolean buildInBackground) {

    public static final String DEFAULT_TABLE_NAME = "SensorData";
    public static final String DEFAULT_REJECTS_TABLE_NAME = "SensorDataRejects";

    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE_NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    /** Reads and checks every setting; throws {@link ConfigurationException} naming the first bad one. */
    public static IngestConfig fromEnvironment(Map<String, String> env) {
        return new IngestConfig(
                region(env),
                tableName(env, "TABLE_NAME", DEFAULT_TABLE_NAME),
                tableName(env, "REJECTS_TABLE_NAME", DEFAULT_REJECTS_TABLE_NAME),
                readingTtl(env),
                intSetting(env, "WRITE_PARALLELISM", 8, 1, 64),
                intSetting(env, "WRITE_MAX_ATTEMPTS", 12, 1, 100),
                Duration.ofMillis(intSetting(env, "DEADLINE_MARGIN_MS", 1000, 0, 60_000)),
                nonBlank(env.get("AWS_LAMBDA_FUNCTION_NAME")).orElse("sensor-ingest"),
                booleanSetting(env, "CHECK_TABLES_AT_START", true),
                buildInBackground(env));
    }

    private static boolean buildInBackground(Map<String, String> env) {
        // "on-demand", "provisioned-concurrency" or "snap-start"; unset outside Lambda.
        return nonBlank(env.get("AWS_LAMBDA_INITIALIZATION_TYPE")).map("on-demand"::equals).orElse(true);
    }

    private static boolean booleanSetting(Map<String, String> env, String variable, boolean defaultValue) {
        Optional<String> value = nonBlank(env.get(variable));
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(variable + "='" + value.get()
                    + "' is not true or false: set it to true or false, or unset it");
        };
    }

    private static String region(Map<String, String> env) {
        return nonBlank(env.get("AWS_REGION"))
                .or(() -> nonBlank(env.get("AWS_DEFAULT_REGION")))
                .orElseThrow(() -> new ConfigurationException(
                        "AWS_REGION is not set: set it to the region of the tables, e.g. AWS_REGION=us-east-1"));
    }

    private static String tableName(Map<String, String> env, String variable, String defaultName) {
        String name = nonBlank(env.get(variable)).orElse(defaultName);
        if (!TABLE_NAME_PATTERN.matcher(name).matches()) {
            throw new ConfigurationException(variable + "='" + name + "' is not a DynamoDB table name:"
                    + " use 3 to 255 letters, digits, '_', '-' or '.'");
        }
        return name;
    }

    private static Optional<Duration> readingTtl(Map<String, String> env) {
        Optional<String> value = nonBlank(env.get("READING_TTL_DAYS"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int days = parseInt("READING_TTL_DAYS", value.get(), 1, 36_500);
        return Optional.of(Duration.ofDays(days));
    }

    private static int intSetting(Map<String, String> env, String variable, int defaultValue, int min, int max) {
        return nonBlank(env.get(variable)).map(v -> parseInt(variable, v, min, max)).orElse(defaultValue);
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
