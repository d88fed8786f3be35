package dev.sensorpipeline.cli;

/**
 * The AWS side is not usable as configured: no region, no credentials, no such stream or table, no endpoint
 * answering. The message says what is wrong and what to do, fit to show as it is.
 */
public final class AwsConfigurationException extends RuntimeException {

    public AwsConfigurationException(String message) {
        super(message);
    }

    public AwsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
