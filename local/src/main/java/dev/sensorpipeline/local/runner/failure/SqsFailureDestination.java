package dev.sensorpipeline.local.runner.failure;

import java.time.Clock;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** An SQS queue as the on-failure destination: one message per discarded batch, the document without payload. */
public final class SqsFailureDestination implements FailureDestination {

    private final SqsClient sqs;
    private final String arn;
    private final String queueName;
    private final String account;
    private final OnFailureDocument document;
    private final Clock clock;
    private String queueUrl;

    /** @param arn {@code arn:aws:sqs:REGION:ACCOUNT:NAME} */
    public SqsFailureDestination(SqsClient sqs, String arn, OnFailureDocument document, Clock clock) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2]) || parts[5].isEmpty()) {
            throw new IllegalArgumentException("not an SQS queue's ARN: " + arn);
        }
        this.sqs = sqs;
        this.arn = arn;
        this.account = parts[4];
        this.queueName = parts[5];
        this.document = document;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return arn;
    }

    @Override
    public synchronized String deliver(FailedBatch batch) {
        try {
            if (queueUrl == null) {
                queueUrl = sqs.getQueueUrl(GetQueueUrlRequest.builder().queueName(queueName)
                        .queueOwnerAWSAccountId(account.isEmpty() ? null : account).build()).queueUrl();
            }
            String messageId = sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl)
                    .messageBody(document.toJson(batch, clock.instant(), false)).build()).messageId();
            return "message " + messageId + " of queue " + queueName;
        } catch (AwsServiceException e) {
            throw new FailureDeliveryException("SQS refused SendMessage to queue " + queueName + ": "
                    + Destinations.reason(e), e);
        } catch (SdkClientException e) {
            throw new FailureDeliveryException("cannot reach SQS for queue " + queueName + ": " + e.getMessage(), e);
        }
    }
}
