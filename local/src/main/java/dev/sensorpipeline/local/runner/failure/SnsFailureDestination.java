package dev.sensorpipeline.local.runner.failure;

import java.time.Clock;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** An SNS topic as the on-failure destination: one message per discarded batch, the document without payload. */
public final class SnsFailureDestination implements FailureDestination {

    private final SnsClient sns;
    private final String arn;
    private final OnFailureDocument document;
    private final Clock clock;

    public SnsFailureDestination(SnsClient sns, String arn, OnFailureDocument document, Clock clock) {
        this.sns = sns;
        this.arn = arn;
        this.document = document;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return arn;
    }

    @Override
    public String deliver(FailedBatch batch) {
        String body = document.toJson(batch, clock.instant(), false);
        return Destinations.call("SNS", "Publish", "topic " + arn, () -> "message " + sns.publish(
                PublishRequest.builder().topicArn(arn).message(body).build()).messageId() + " of topic " + arn);
    }
}
