package dev.sensorpipeline.local.runner.stream;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

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

    /**
     * What any stream's endpoint may answer, by kind: a throttling error, a 5xx, no answer; an interrupted call keeps
     * the thread's interrupt flag (the runner is stopping). Anything else is thrown as it came.
     */
    static RuntimeException of(RuntimeException e) {
        if (e instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return new StreamReadException(Kind.THROTTLED, e.getMessage(), e);
            }
            if (service.statusCode() >= 500) {
                return new StreamReadException(Kind.UNAVAILABLE, e.getMessage(), e);
            }
            return e;
        }
        if (e instanceof SdkClientException) {
            if (e instanceof AbortedException) {
                // The SDK's word for a call cut short by an interrupt: the runner is stopping. Keep the flag.
                Thread.currentThread().interrupt();
            }
            return new StreamReadException(Kind.UNAVAILABLE, e.getMessage(), e);
        }
        return e;
    }
}
