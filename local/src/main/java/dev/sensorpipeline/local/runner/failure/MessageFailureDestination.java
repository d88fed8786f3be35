package dev.sensorpipeline.local.runner.failure;

import java.time.Clock;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;

/**
 * An SQS queue or an SNS topic as the on-failure destination: one message per discarded batch, the document
 * without payload (Lambda sends the records themselves to S3 only).
 */
public final class MessageFailureDestination implements FailureDestination {

    private final String arn;
    private final OnFailureDocument document;
    private final Clock clock;
    private final UnaryOperator<String> send;

    /** @param send sends the document; returns which message it became */
    private MessageFailureDestination(String arn, OnFailureDocument document, Clock clock,
                                      UnaryOperator<String> send) {
        this.arn = arn;
        this.document = document;
        this.clock = clock;
        this.send = send;
    }

    /** SendMessage to the queue {@code arn:aws:sqs:REGION:ACCOUNT:NAME}, its URL asked for once. */
    public static MessageFailureDestination queue(SqsClient sqs, String arn, OnFailureDocument document,
                                                  Clock clock) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2]) || parts[5].isEmpty()) {
            throw new IllegalArgumentException("not an SQS queue's ARN: " + arn);
        }
        String account = parts[4];
        String name = parts[5];
        String[] url = {null};
        return new MessageFailureDestination(arn, document, clock, body -> {
            if (url[0] == null) {
                url[0] = Destinations.call("SQS", "GetQueueUrl", "queue " + name, () -> sqs.getQueueUrl(
                        GetQueueUrlRequest.builder().queueName(name)
                                .queueOwnerAWSAccountId(account.isEmpty() ? null : account).build()).queueUrl());
            }
            return Destinations.call("SQS", "SendMessage", "queue " + name, () -> "message "
                    + sqs.sendMessage(b -> b.queueUrl(url[0]).messageBody(body)).messageId() + " of queue " + name);
        });
    }

    /** Publish to the topic. */
    public static MessageFailureDestination topic(SnsClient sns, String arn, OnFailureDocument document,
                                                  Clock clock) {
        return new MessageFailureDestination(arn, document, clock, body -> Destinations.call("SNS", "Publish",
                "topic " + arn, () -> "message " + sns.publish(b -> b.topicArn(arn).message(body)).messageId()
                        + " of topic " + arn));
    }

    @Override
    public String describe() {
        return arn;
    }

    @Override
    public synchronized String deliver(FailedBatch batch) {
        return send.apply(document.toJson(batch, clock.instant(), false));
    }
}
