package dev.sensorpipeline.local.runner.stream;

/** A read that did not work, by what the poller should do about it. */
public final class StreamReadException extends RuntimeException {

    /** What went wrong, as far as the poller cares. */
    public enum Kind {
        /** ProvisionedThroughputExceeded and the like: back off and read again. */
        THROTTLED,
        /** The iterator is older than five minutes: get a new one from the last record read. */
        ITERATOR_EXPIRED,
        /** The stream or shard is gone: nothing more will come. */
        NOT_FOUND,
        /** The endpoint did not answer or answered 5xx: back off and read again. */
        UNAVAILABLE
    }

    private final Kind kind;

    public StreamReadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
