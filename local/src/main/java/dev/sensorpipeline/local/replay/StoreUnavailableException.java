package dev.sensorpipeline.local.replay;

/** The failure documents, the stream or the function cannot be reached: nothing can be replayed now. */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
