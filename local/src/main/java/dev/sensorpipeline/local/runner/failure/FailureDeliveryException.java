package dev.sensorpipeline.local.runner.failure;

/** An on-failure document could not be delivered; the message says why, in one line. */
public final class FailureDeliveryException extends RuntimeException {

    public FailureDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
