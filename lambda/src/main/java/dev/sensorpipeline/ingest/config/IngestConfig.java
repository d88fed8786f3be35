package dev.sensorpipeline.ingest.config;

import dev.sensorpipeline.model.config.EnvironmentSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Reads and checks every setting; throws {@link dev.sensorpipeline.model.config.ConfigurationException} naming
     * the first bad one.
     */
    public static IngestConfig fromEnvironment(Map<String, String> env) {
        EnvironmentSettings settings = new EnvironmentSettings(env);
        return new IngestConfig(
                settings.region(),
                settings.tableName("TABLE_NAME", DEFAULT_TABLE_NAME),
                settings.tableName("REJECTS_TABLE_NAME", DEFAULT_REJECTS_TABLE_NAME),
                settings.optionalInt("READING_TTL_DAYS", 1, 36_500).map(Duration::ofDays),
                settings.intSetting("WRITE_PARALLELISM", 8, 1, 64),
                settings.intSetting("WRITE_MAX_ATTEMPTS", 12, 1, 100),
                Duration.ofMillis(settings.intSetting("DEADLINE_MARGIN_MS", 1000, 0, 60_000)),
                settings.functionName("sensor-ingest"),
                settings.booleanSetting("CHECK_TABLES_AT_START", true),
                settings.onDemandInitialization());
    }
}
