package dev.sensorpipeline.local.runner.failure;

/** Why an event source mapping gave records up: Lambda's on-failure conditions, spelled as in its documents. */
public enum FailureCondition {
    /** The batch failed {@code MaximumRetryAttempts} + 1 times. */
    RetryAttemptsExhausted,
    /** The records became older than {@code MaximumRecordAgeInSeconds} before they were done. */
    RecordAgeExceeded
}
