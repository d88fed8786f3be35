package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.cli.AwsConfigurationException;
import dev.sensorpipeline.producer.delivery.SinkFailure;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Checks, before the first reading goes out, that the stream exists and that we may talk to it, so that a typo in
 * the stream's name is one clear message rather than thousands of failed entries.
 */
public final class StreamCheck {

    private StreamCheck() {
    }

    /**
     * The stream's open shard count, once it is active; waits while it is being created.
     *
     * @throws AwsConfigurationException when it does not exist, is being deleted, or cannot be reached
     */
    public static int openShards(KinesisClient client, StreamTarget target) {
        try {
            StreamDescriptionSummary summary = client.describeStreamSummary(r -> r.streamName(target.streamName()))
                    .streamDescriptionSummary();
            if (summary.streamStatus() == StreamStatus.DELETING) {
                throw new AwsConfigurationException("stream '" + target.streamName() + "' " + target.where()
                        + " is being deleted; create it again or name another with --stream or STREAM_NAME");
            }
            if (summary.streamStatus() == StreamStatus.CREATING) {
                client.waiter().waitUntilStreamExists(r -> r.streamName(target.streamName()));
                summary = client.describeStreamSummary(r -> r.streamName(target.streamName()))
                        .streamDescriptionSummary();
            }
            return summary.openShardCount() != null ? summary.openShardCount() : 0;
        } catch (SdkException e) {
            SinkFailure failure = SdkFailures.classify(e, target);
            throw new AwsConfigurationException(failure.getMessage(), e);
        }
    }
}
