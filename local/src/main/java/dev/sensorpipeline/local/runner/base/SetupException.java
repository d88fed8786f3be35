package dev.sensorpipeline.local.runner.base;

/** Something the runner needs is missing; the message names it and says what to do. */
public final class SetupException extends RuntimeException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
