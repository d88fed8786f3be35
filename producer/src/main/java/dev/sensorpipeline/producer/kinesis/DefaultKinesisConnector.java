package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.cli.AwsSettings;
import dev.sensorpipeline.cli.SdkClients;
import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Builds the Kinesis client as the aws CLI finds its configuration ({@link SdkClients}), the endpoint also from
 * {@code AWS_ENDPOINT_URL_KINESIS}. It speaks JSON rather than CBOR unless {@code CBOR_ENABLED} says otherwise.
 */
public final class DefaultKinesisConnector implements KinesisConnector {

    /**
     * A call, the SDK's own retries included, ends within this; so a Ctrl-C waits at most this long for the call in
     * flight before the summary (see {@code ProducerCommand}'s grace period, which must be longer).
     */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

    @Override
    public KinesisClient connect(AwsSettings settings) {
        SdkClients.preferJson();
        return SdkClients.build(KinesisClient.builder(), settings, CALL_TIMEOUT);
    }
}
