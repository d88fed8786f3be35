package dev.sensorpipeline.local.runner.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An event source mapping as {@code ListEventSourceMappings} describes it, with Lambda's defaults where a setting
 * is absent.
 *
 * @param startingPositionTimestamp for {@code AT_TIMESTAMP} only
 * @param maximumRetryAttempts      -1: retry until the records expire
 * @param maximumRecordAge          null: no limit (-1)
 * @param lastModified              when the mapping was created or last changed: {@code LATEST} counts from here
 * @param onFailureDestination      {@code DestinationConfig.OnFailure.Destination}; null when there is none
 * @param ignoredSettings           settings present that the runner does not apply, for a warning
 * @param filterPatterns            {@code FilterCriteria.Filters[].Pattern}, as given; empty: every record passes
 */
public record EventSourceMapping(String uuid, String eventSourceArn, String functionArn, String state, int batchSize,
                                 Duration maximumBatchingWindow, String startingPosition,
                                 Instant startingPositionTimestamp, boolean reportBatchItemFailures,
                                 boolean bisectBatchOnFunctionError, int maximumRetryAttempts,
                                 Duration maximumRecordAge, int parallelizationFactor, Instant lastModified,
                                 String onFailureDestination, List<String> ignoredSettings,
                                 List<String> filterPatterns) {

    public EventSourceMapping {
        ignoredSettings = List.copyOf(ignoredSettings);
        filterPatterns = List.copyOf(filterPatterns);
    }

    public boolean isKinesis() {
        return eventSourceArn != null && eventSourceArn.startsWith("arn:") && eventSourceArn.contains(":kinesis:");
    }

    /** A table's stream: {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}. */
    public boolean isDynamodbStream() {
        return eventSourceArn != null && eventSourceArn.startsWith("arn:") && eventSourceArn.contains(":dynamodb:")
                && eventSourceArn.contains("/stream/");
    }

    /** A stream the runner plays mappings of: Kinesis' or a table's. */
    public boolean isStream() {
        return isKinesis() || isDynamodbStream();
    }

    /** What the mapping invokes: the function, a version or an alias. */
    public FunctionArn invokedFunction() {
        return FunctionArn.parse(functionArn);
    }

    public boolean isEnabled() {
        return state == null || "Enabled".equals(state) || "Enabling".equals(state) || "Updating".equals(state);
    }

    /** The settings, one line, as the runner applies them. */
    public String describe() {
        return uuid + " (" + eventSourceArn + " -> " + functionArn + "): BatchSize " + batchSize
                + ", MaximumBatchingWindowInSeconds " + maximumBatchingWindow.toSeconds()
                + ", StartingPosition " + startingPosition
                + (startingPositionTimestamp == null ? "" : " " + startingPositionTimestamp)
                + ", FunctionResponseTypes " + (reportBatchItemFailures ? "[ReportBatchItemFailures]" : "[]")
                + ", BisectBatchOnFunctionError " + bisectBatchOnFunctionError
                + ", MaximumRetryAttempts " + maximumRetryAttempts
                + ", MaximumRecordAgeInSeconds " + (maximumRecordAge == null ? -1 : maximumRecordAge.toSeconds())
                + ", OnFailure " + (onFailureDestination == null ? "none" : onFailureDestination)
                + (filterPatterns.isEmpty() ? "" : ", FilterCriteria " + filterPatterns)
                + ", created or last modified " + lastModified;
    }
}
