package dev.sensorpipeline.producer.delivery;

/**
 * A call that failed as a whole. Retryable failures (the stream or the network having a bad moment) count as a
 * refusal of every entry of the call; the others stop the run, since retrying cannot help.
 */
public final class SinkFailure extends RuntimeException {

    /** What kind of failure it is, which decides what the run does next. */
    public enum Kind {
        /** Throttling, a server error, a lost connection: retry the entries. */
        RETRYABLE,
        /** The stream is missing, or the credentials are missing or refused: stop, and blame the configuration. */
        CONFIGURATION,
        /** Anything else the stream refuses outright: stop. */
        FATAL
    }

    private final Kind kind;
    private final String errorCode;

    public SinkFailure(Kind kind, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** A short name for counting, such as the service's error code or the exception's simple name. */
    public String errorCode() {
        return errorCode;
    }
}
