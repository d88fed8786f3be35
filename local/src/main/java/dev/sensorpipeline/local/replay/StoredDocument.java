package dev.sensorpipeline.local.replay;

/**
 * A failure document as its store lists it; its bytes come from {@link FailureStore#read}, one document at a time.
 *
 * @param id     its S3 key or SQS message id
 * @param handle what the store needs to move or release it (an SQS receipt handle); null for S3
 * @param body   its bytes when the listing brought them (an SQS message); null when they are read on demand (S3)
 */
public record StoredDocument(String id, String handle, byte[] body) {
}
