package dev.sensorpipeline.local.runner.failure;

import java.time.Clock;
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
        if (queueUrl == null) {
            queueUrl = Destinations.call("SQS", "GetQueueUrl", "queue " + queueName, () -> sqs.getQueueUrl(
                    GetQueueUrlRequest.builder().queueName(queueName)
                            .queueOwnerAWSAccountId(account.isEmpty() ? null : account).build()).queueUrl());
        }
        String body = document.toJson(batch, clock.instant(), false);
        return Destinations.call("SQS", "SendMessage", "queue " + queueName, () -> "message " + sqs.sendMessage(
                SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).build()).messageId()
                + " of queue " + queueName);
    }
}
