package dev.sensorpipeline.readings.query;

/**
 * The table cannot be read as configured: it does not exist, the endpoint does not answer, the region or the
 * credentials are missing or refused. The message says what is wrong and what to do, fit to show as it is.
 */
public final class TableUnavailableException extends RuntimeException {

    public TableUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
