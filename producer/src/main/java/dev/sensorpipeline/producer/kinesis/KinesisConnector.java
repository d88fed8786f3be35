package dev.sensorpipeline.producer.kinesis;

import dev.sensorpipeline.cli.AwsConfigurationException;
import dev.sensorpipeline.cli.AwsSettings;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Builds the Kinesis client for a run; tests give one pointed at their local endpoint. */
@FunctionalInterface
public interface KinesisConnector {

    /**
     * A client for the settings; the caller closes it.
     *
     * @throws AwsConfigurationException when no region or no credentials can be found
     */
    KinesisClient connect(AwsSettings settings);
}
