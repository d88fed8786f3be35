package dev.sensorpipeline.local.runner.failure;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes a mapping's on-failure destination from its ARN, as Lambda accepts them for Kinesis and DynamoDB Streams: an
 * S3 bucket, an SQS queue or an SNS topic; without one, the discard file. The clients are the runner's, built once.
 */
public record Destinations(S3Client s3, SqsClient sqs, SnsClient sns, Clock clock) {

    /**
     * @param destinationArn the mapping's {@code DestinationConfig.OnFailure.Destination}; null or empty: none
     * @param functionArn    what the mapping invokes
     * @param discardFile    where discards go without a destination
     */
    public FailureDestination forMapping(String mappingUuid, String destinationArn, String functionArn,
                                         String streamArn, Path discardFile) {
        OnFailureDocument document = new OnFailureDocument(functionArn, streamArn);
        if (destinationArn == null || destinationArn.isEmpty()) {
            return new DiscardFile(discardFile, document, clock);
        }
        if (S3FailureDestination.isS3(destinationArn)) {
            return new S3FailureDestination(s3, destinationArn, mappingUuid, document, clock);
        }
        String[] parts = destinationArn.split(":", 6);
        String service = parts.length == 6 && "arn".equals(parts[0]) ? parts[2] : "";
        return switch (service) {
            case "sqs" -> MessageFailureDestination.queue(sqs, destinationArn, document, clock);
            case "sns" -> MessageFailureDestination.topic(sns, destinationArn, document, clock);
            default -> throw new SetupException("event source mapping " + mappingUuid + " has the on-failure"
                    + " destination '" + destinationArn + "', which is not an S3 bucket, SQS queue or SNS topic"
                    + " (arn:aws:s3:::NAME, arn:aws:sqs:..., arn:aws:sns:...): the runner delivers to those only");
        };
    }

    /**
     * Makes one delivery call; a refusal or an endpoint that does not answer becomes a
     * {@link FailureDeliveryException} saying so in one line: "S3 refused PutObject to bucket b: NoSuchBucket (...)".
     */
    static String call(String service, String operation, String target, Supplier<String> request) {
        try {
            return request.get();
        } catch (AwsServiceException e) {
            throw new FailureDeliveryException(service + " refused " + operation + " to " + target + ": " + reason(e),
                    e);
        } catch (SdkClientException e) {
            throw new FailureDeliveryException("cannot reach " + service + " for " + target + ": " + e.getMessage(), e);
        }
    }

    /** A service's refusal in one line: "NoSuchBucket (The specified bucket does not exist)". */
    private static String reason(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return e.getMessage();
        }
        String code = e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails().errorMessage();
        return (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : " (" + message + ")");
    }
}
