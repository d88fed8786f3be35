package dev.sensorpipeline.local.runner.failure;

/** Where the documents of discarded batches go: the mapping's {@code DestinationConfig.OnFailure}, or a file. */
public interface FailureDestination {

    /** The destination as the mapping names it (its ARN), or the file, for messages. */
    String describe();

    /**
     * Delivers the document of this batch; returns where it is now (an S3 URI, a message id...).
     *
     * @throws FailureDeliveryException when the destination refused it or could not be reached
     */
    String deliver(FailedBatch batch);
}
