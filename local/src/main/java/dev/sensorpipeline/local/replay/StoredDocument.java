package dev.sensorpipeline.local.replay;

/**
 * A failure document as its store holds it.
 *
 * @param id     its S3 key or SQS message id
 * @param body   its bytes
 * @param handle what the store needs to move or release it (an SQS receipt handle); null for S3
 */
public record StoredDocument(String id, byte[] body, String handle) {
}
