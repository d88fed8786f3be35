package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.producer.delivery.SinkFailure;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Sorts what the SDK throws into what the run should do about it, with a message that names the stream. Public for
 * the sinks outside this package (the benchmark's PutRecord baseline).
 */
public final class SdkFailures {

    /** Error codes that mean "who you are, or what you may do": fix the configuration, not the request. */
    private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "AccessDeniedException", "AccessDenied", "ExpiredTokenException",
            "ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken", "InvalidClientTokenId",
            "SignatureDoesNotMatch");

    /** Error codes worth another try: the stream is busy or had a bad moment. */
    private static final Set<String> RETRYABLE_CODES = Set.of("ProvisionedThroughputExceededException",
            "LimitExceededException", "KMSThrottlingException", "InternalFailure", "InternalFailureException",
            "ResourceInUseException", "ServiceUnavailable", "ThrottlingException");

    private SdkFailures() {
    }

    /** What {@code exception}, thrown by a call to {@code target}, means for the run. */
    public static SinkFailure classify(SdkException exception, StreamTarget target) {
        if (exception instanceof ResourceNotFoundException) {
            return new SinkFailure(SinkFailure.Kind.CONFIGURATION, "ResourceNotFoundException",
                    streamNotFound(target), exception);
        }
        if (exception instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                    ? service.awsErrorDetails().errorCode()
                    : service.getClass().getSimpleName();
            String detail = service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null
                    ? service.awsErrorDetails().errorMessage()
                    : service.getMessage();
            if (CREDENTIAL_CODES.contains(code) || service.statusCode() == 401 || service.statusCode() == 403) {
                return new SinkFailure(SinkFailure.Kind.CONFIGURATION, code, "Kinesis " + target.where()
                        + " refused our credentials for stream '" + target.streamName() + "' (" + code + ": "
                        + detail + "); check AWS_PROFILE/--profile and the role's kinesis:PutRecords permission",
                        exception);
            }
            if (service.isThrottlingException() || service.statusCode() >= 500 || RETRYABLE_CODES.contains(code)) {
                return new SinkFailure(SinkFailure.Kind.RETRYABLE, code, code + ": " + detail, exception);
            }
            return new SinkFailure(SinkFailure.Kind.FATAL, code, "Kinesis refused the call to stream '"
                    + target.streamName() + "' (" + code + ": " + detail + ")", exception);
        }
        if (exception instanceof ApiCallTimeoutException || exception instanceof ApiCallAttemptTimeoutException) {
            return new SinkFailure(SinkFailure.Kind.RETRYABLE, exception.getClass().getSimpleName(),
                    "Kinesis " + target.where() + " did not answer in time", exception);
        }
        if (exception instanceof SdkClientException && causedByIo(exception)) {
            return new SinkFailure(SinkFailure.Kind.RETRYABLE, ioName(exception),
                    "cannot reach Kinesis " + target.where() + ": " + rootMessage(exception), exception);
        }
        return new SinkFailure(SinkFailure.Kind.FATAL, exception.getClass().getSimpleName(),
                "the call to stream '" + target.streamName() + "' failed: " + exception.getMessage(), exception);
    }

    static String streamNotFound(StreamTarget target) {
        return "stream '" + target.streamName() + "' not found " + target.where() + ". Create it (aws kinesis "
                + "create-stream --cli-input-json file://infra/temperature-sensor-stream.json) or name another "
                + "with --stream or STREAM_NAME";
    }

    private static boolean causedByIo(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String ioName(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t.getClass().getSimpleName();
            }
        }
        return exception.getClass().getSimpleName();
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
